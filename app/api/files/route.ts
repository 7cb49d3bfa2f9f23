import { getArticleEditState } from '@/db/queries/article-files';
import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { cleanFileName } from '@/lib/files/file-name';
import { chunksOf, storeUpload } from '@/lib/files/file-store';
import { FILE_FORMATS, FileRejected } from '@/lib/files/file-types';
import { fileTooLargeMessage, maxFileUploadBytes } from '@/lib/files/limits';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { parsePositiveId } from '@/lib/params';
import { checkTransition } from '@/lib/workflow/transitions';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function refuse(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: NO_STORE });
}

/**
 * Upload of an attachment, a video or captions for an article staff may edit
 * (`POST /api/files?article=<id>&name=<file name>`, the body is the file itself, no form
 * around it, so it can be streamed to disk as it arrives). Storing attaches nothing: the
 * panel then calls a server action (app/admin/articles/file-actions.ts) with the hash.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await authorizeAction('reporter');
  // Cookies are SameSite=Lax already; refusing foreign origins also stops same-site posts.
  if (!isSameOriginRequest(request.headers)) return refuse('请求来源无效。', 403);
  const params = new URL(request.url).searchParams;
  const articleId = parsePositiveId(params.get('article') ?? undefined);
  const fileName = cleanFileName(params.get('name'));
  if (articleId === null) return refuse('请求无效:缺少稿件编号。', 400);
  if (!fileName) return refuse('请求无效:缺少文件名。', 400);
  // The front door (lib/http/body-limit.ts) bounds the body as it streams; this spares a read.
  if (Number(request.headers.get('content-length') ?? 0) > maxFileUploadBytes()) return refuse(fileTooLargeMessage(), 413);
  const article = await getArticleEditState(articleId);
  if (!article) return refuse('稿件不存在或已被删除。', 404);
  const allowed = checkTransition('save', article, user);
  if (!allowed.ok) return refuse(allowed.reason, 403);
  if (!request.body) return refuse('文件是空的。', 400);
  try {
    const stored = await storeUpload(chunksOf(request.body), fileName, user.id);
    await recordAudit({ actorId: user.id, actorName: user.username, action: 'file.upload', target: `article:${articleId}`, detail: `${fileName} ${stored.mime} ${stored.bytes}`, ip: await clientIp() });
    return Response.json({ hash: stored.hash, kind: stored.kind, label: FILE_FORMATS[stored.format].label, bytes: stored.bytes, fileName }, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (error instanceof FileRejected) return refuse(error.message, error.status);
    throw error;
  }
}
