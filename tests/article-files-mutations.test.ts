import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import { listArticleFiles } from '@/db/queries/article-files';
import { attachFile, detachFile, moveFile, setVideoCaptions, setVideoPoster } from '@/db/mutations/article-files';
import { storeUpload } from '@/lib/files/file-store';
import { DEMO_VIDEO_FILE } from '@/lib/files/demo';

/**
 * Who may change an article's files (the save rule: editors on any article, a reporter on their
 * own draft only), and what each change does to the list readers see.
 */
let ctx: ReturnType<typeof useTestDatabase>;
let dataDir: string;
let reporter: { id: number; role: 'reporter' };
const editor = { id: 0, role: 'editor' as const };
let published: number;
let ownDraft: number;
let pdfHash: string;
let videoHash: string;
let captionsHash: string;

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-file-mutations-'));
  process.env.DATA_DIR = dataDir;
  ctx = useTestDatabase({ articles: 20 });
  const sqlite = ctx.db.$client;
  const now = Date.now();
  const user = sqlite
    .prepare(`insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('files-reporter', '记者', 'reporter', 'x', ?, ?)`)
    .run(now, now);
  reporter = { id: Number(user.lastInsertRowid), role: 'reporter' };
  editor.id = reporter.id;
  published = (sqlite.prepare(`select id from articles where status = 'published' order by id limit 1`).get() as { id: number }).id;
  const draft = sqlite
    .prepare(
      `insert into articles (section_id, title, summary, body, source, byline, status, author_id, created_at, updated_at)
       values ((select id from sections where slug = 'longquan'), '记者草稿', '摘要', '<p>正文</p>', '本网', '[]', 'draft', ?, ?, ?)`,
    )
    .run(reporter.id, now, now);
  ownDraft = Number(draft.lastInsertRowid);
  pdfHash = (await storeUpload(once(Buffer.from('%PDF-1.4\n%%EOF\n')), '清单.pdf', null)).hash;
  videoHash = (await storeUpload(once(fs.readFileSync(DEMO_VIDEO_FILE)), '片子.mp4', null)).hash;
  captionsHash = (await storeUpload(once(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n')), '字幕.vtt', null)).hash;
});
afterAll(() => {
  ctx.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('article file mutations', () => {
  it('lets a reporter attach to their own draft but not to a published article', async () => {
    const refused = attachFile(published, { hash: pdfHash, fileName: '清单.pdf' }, reporter);
    expect(refused.ok).toBe(false);
    const own = attachFile(ownDraft, { hash: pdfHash, fileName: '清单.pdf' }, reporter);
    expect(own).toMatchObject({ ok: true, change: { kind: 'article', id: ownDraft, publicBefore: false, publicAfter: false } });
    expect((await listArticleFiles(ownDraft)).map((f) => f.fileName)).toEqual(['清单.pdf']);
  });

  it('lets an editor attach, reorder and detach on a published article, reporting a public change', async () => {
    const a = attachFile(published, { hash: pdfHash, fileName: '甲.pdf' }, editor);
    const b = attachFile(published, { hash: videoHash, fileName: '乙.mp4' }, editor);
    if (!a.ok || !b.ok) throw new Error('attach failed');
    expect(a.change).toEqual({ kind: 'article', id: published, publicBefore: true, publicAfter: true });
    expect((await listArticleFiles(published)).map((f) => f.fileName)).toEqual(['甲.pdf', '乙.mp4']);
    expect(moveFile(b.articleFileId, 'up', editor).ok).toBe(true);
    expect((await listArticleFiles(published)).map((f) => f.fileName)).toEqual(['乙.mp4', '甲.pdf']);
    expect(moveFile(b.articleFileId, 'up', editor)).toEqual({ ok: false, message: '已经是第一个。' });
    expect(detachFile(a.articleFileId, reporter).ok).toBe(false);
    expect(detachFile(a.articleFileId, editor).ok).toBe(true);
    expect((await listArticleFiles(published)).map((f) => f.fileName)).toEqual(['乙.mp4']);
  });

  it('gives captions and posters to videos only, from the right stores', async () => {
    const video = (await listArticleFiles(published)).find((f) => f.kind === 'video')!;
    const pdf = attachFile(published, { hash: pdfHash, fileName: '丙.pdf' }, editor);
    if (!pdf.ok) throw new Error('attach failed');
    expect(setVideoCaptions(pdf.articleFileId, captionsHash, editor)).toEqual({ ok: false, message: '只有视频可以添加字幕。' });
    expect(setVideoCaptions(video.id, pdfHash, editor).ok).toBe(false);
    expect(setVideoCaptions(video.id, captionsHash, editor).ok).toBe(true);
    expect(attachFile(published, { hash: captionsHash, fileName: '字幕.vtt' }, editor)).toEqual({ ok: false, message: '字幕文件只能加在视频上。' });
    // A poster must be an image the image store holds.
    expect(setVideoPoster(video.id, { url: '/x.webp', hash: 'f'.repeat(64) }, editor).ok).toBe(false);
    const after = (await listArticleFiles(published)).find((f) => f.id === video.id)!;
    expect(after).toMatchObject({ hasCaptions: true, posterImage: null });
  });
});
