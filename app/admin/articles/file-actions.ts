'use server';

import { z } from 'zod';
import { attachFile, detachFile, type FileMutationResult, moveFile, setVideoCaptions, setVideoPoster } from '@/db/mutations/article-files';
import { type ActionResult, type Outcome, staffAction } from '@/lib/actions/staff-action';
import { cleanFileName } from '@/lib/files/file-name';
import { matchImagePath } from '@/lib/routes';
import { minimumRoleFor } from '@/lib/workflow/transitions';

/**
 * The 附件/视频 panel's writes. Uploading (app/api/files) only stores bytes; these put them on an
 * article. Changing an article's files is editing it, so the floor is the save rule's, and the
 * mutation applies the rest of it (a reporter only on their own draft).
 */
export type FileActionResult = ActionResult<{ articleFileId: number }>;

const BAD_REQUEST = '请求无效。';
const id = z.number({ error: BAD_REQUEST }).int({ error: BAD_REQUEST }).positive({ error: BAD_REQUEST });
const hash = z.string({ error: BAD_REQUEST }).regex(/^[a-f0-9]{64}$/, { error: BAD_REQUEST });

type FileOutcome = (Extract<Outcome, { ok: true }> & { articleFileId: number }) | { ok: false; message: string };

function outcome(result: FileMutationResult, message: string, action: string, detail?: string): FileOutcome {
  if (!result.ok) return result;
  return {
    ok: true,
    message,
    articleFileId: result.articleFileId,
    audit: { action, target: `article:${result.articleId}`, detail: detail ?? `文件 ${result.articleFileId}` },
    change: result.change,
  };
}

const attach = staffAction({
  role: minimumRoleFor('save'),
  schema: z.object({
    articleId: id,
    hash,
    fileName: z.string().transform((name, ctx) => cleanFileName(name) ?? (ctx.addIssue({ code: 'custom', message: '文件名无效。' }), z.NEVER)),
  }),
  run: ({ articleId, hash, fileName }, user) => outcome(attachFile(articleId, { hash, fileName }, user), `已添加“${fileName}”。`, 'file.attach', fileName),
});

const detach = staffAction({
  role: minimumRoleFor('save'),
  schema: z.object({ articleFileId: id }),
  run: ({ articleFileId }, user) => outcome(detachFile(articleFileId, user), '已移除。', 'file.detach'),
});

const move = staffAction({
  role: minimumRoleFor('save'),
  schema: z.object({ articleFileId: id, direction: z.enum(['up', 'down'], { error: BAD_REQUEST }) }),
  run: ({ articleFileId, direction }, user) => outcome(moveFile(articleFileId, direction, user), '顺序已调整。', 'file.move'),
});

const poster = staffAction({
  role: minimumRoleFor('save'),
  schema: z.object({
    articleFileId: id,
    // Only an image of our own store: its URL, read back by lib/routes.ts.
    posterUrl: z.string().refine((url) => matchImagePath(url) !== null, { error: '封面图无效,请重新上传。' }).nullable(),
  }),
  run: ({ articleFileId, posterUrl }, user) => {
    const file = posterUrl ? matchImagePath(posterUrl) : null;
    const image = posterUrl && file ? { url: posterUrl, hash: file.slice(0, 64) } : null;
    return outcome(setVideoPoster(articleFileId, image, user), image ? '封面图已设置。' : '封面图已移除。', 'file.poster');
  },
});

const captions = staffAction({
  role: minimumRoleFor('save'),
  schema: z.object({ articleFileId: id, captionsHash: hash.nullable() }),
  run: ({ articleFileId, captionsHash }, user) =>
    outcome(setVideoCaptions(articleFileId, captionsHash, user), captionsHash ? '字幕已添加。' : '字幕已移除。', 'file.captions'),
});

/** Puts an uploaded attachment or video at the end of the article's list. */
export async function attachFileAction(input: { articleId: number; hash: string; fileName: string }): Promise<FileActionResult> {
  return attach(input);
}

export async function detachFileAction(input: { articleFileId: number }): Promise<FileActionResult> {
  return detach(input);
}

export async function moveFileAction(input: { articleFileId: number; direction: 'up' | 'down' }): Promise<FileActionResult> {
  return move(input);
}

/** A video's poster: the URL of an image uploaded through /api/images, or null to remove it. */
export async function setVideoPosterAction(input: { articleFileId: number; posterUrl: string | null }): Promise<FileActionResult> {
  return poster(input);
}

/** A video's captions: the hash of a WebVTT file uploaded through /api/files, or null to remove them. */
export async function setVideoCaptionsAction(input: { articleFileId: number; captionsHash: string | null }): Promise<FileActionResult> {
  return captions(input);
}
