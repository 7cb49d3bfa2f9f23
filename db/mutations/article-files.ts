import { and, asc, eq, max } from 'drizzle-orm';
import { getDb } from '../client';
import { type ArticleFile, articleFiles, articles, images, storedFiles } from '../schema';
import { isPublicStatus } from '../visibility';
import type { ContentChange } from '@/lib/cache/content-change';
import { type Actor, checkTransition } from '@/lib/workflow/transitions';

/**
 * Writes to an article's 附件 and videos. Changing them is editing the article, so the save
 * rule of lib/workflow decides who may (editors and admins, and a reporter on their own draft).
 * Each function is one synchronous transaction that re-reads what it checks; the change it
 * reports refreshes public pages only when readers could see the article.
 */
export type FileMutationResult = { ok: true; articleId: number; articleFileId: number; change: ContentChange } | { ok: false; message: string };

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function articleGate(tx: Tx, articleId: number, actor: Actor): { ok: true; change: ContentChange } | { ok: false; message: string } {
  const article = tx.select({ status: articles.status, authorId: articles.authorId }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return { ok: false, message: '稿件不存在或已被删除。' };
  const check = checkTransition('save', article, actor);
  if (!check.ok) return { ok: false, message: check.reason };
  const visible = isPublicStatus(article.status);
  return { ok: true, change: { kind: 'article', id: articleId, publicBefore: visible, publicAfter: visible } };
}

function withRow(articleFileId: number, actor: Actor, write: (tx: Tx, row: ArticleFile) => string | null): FileMutationResult {
  return getDb().transaction((tx) => {
    const row = tx.select().from(articleFiles).where(eq(articleFiles.id, articleFileId)).get();
    if (!row) return { ok: false, message: '该文件已不在这篇稿件中,请刷新页面。' };
    const gate = articleGate(tx, row.articleId, actor);
    if (!gate.ok) return gate;
    const refusal = write(tx, row);
    if (refusal) return { ok: false, message: refusal };
    return { ok: true, articleId: row.articleId, articleFileId, change: gate.change };
  });
}

function kindOf(tx: Tx, hash: string): string | undefined {
  return tx.select({ kind: storedFiles.kind }).from(storedFiles).where(eq(storedFiles.hash, hash)).get()?.kind;
}

/** Attaches an uploaded attachment or video to the end of the article's list. */
export function attachFile(articleId: number, file: { hash: string; fileName: string }, actor: Actor): FileMutationResult {
  return getDb().transaction((tx) => {
    const gate = articleGate(tx, articleId, actor);
    if (!gate.ok) return gate;
    const kind = kindOf(tx, file.hash);
    if (kind !== 'attachment' && kind !== 'video') return { ok: false, message: kind === 'captions' ? '字幕文件只能加在视频上。' : '找不到上传的文件,请重新上传。' };
    const last = tx.select({ position: max(articleFiles.position) }).from(articleFiles).where(eq(articleFiles.articleId, articleId)).get();
    const inserted = tx
      .insert(articleFiles)
      .values({ articleId, fileHash: file.hash, fileName: file.fileName, position: (last?.position ?? -1) + 1 })
      .returning({ id: articleFiles.id })
      .get();
    return { ok: true, articleId, articleFileId: inserted.id, change: gate.change };
  });
}

/** Removes a file from the article (the stored bytes stay: other articles may use them). */
export function detachFile(articleFileId: number, actor: Actor): FileMutationResult {
  return withRow(articleFileId, actor, (tx, row) => {
    tx.delete(articleFiles).where(eq(articleFiles.id, row.id)).run();
    return null;
  });
}

/** Moves a file one place up or down; positions are renumbered 0…n-1 on the way. */
export function moveFile(articleFileId: number, direction: 'up' | 'down', actor: Actor): FileMutationResult {
  return withRow(articleFileId, actor, (tx, row) => {
    const ids = tx
      .select({ id: articleFiles.id })
      .from(articleFiles)
      .where(eq(articleFiles.articleId, row.articleId))
      .orderBy(asc(articleFiles.position), asc(articleFiles.id))
      .all()
      .map((r) => r.id);
    const at = ids.indexOf(row.id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return direction === 'up' ? '已经是第一个。' : '已经是最后一个。';
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    ids.forEach((id, position) => tx.update(articleFiles).set({ position }).where(eq(articleFiles.id, id)).run());
    return null;
  });
}

/** Sets (or with null clears) a video's poster: an image already in the image store. */
export function setVideoPoster(articleFileId: number, poster: { url: string; hash: string } | null, actor: Actor): FileMutationResult {
  return withRow(articleFileId, actor, (tx, row) => {
    if (kindOf(tx, row.fileHash) !== 'video') return '只有视频可以设置封面图。';
    if (poster && !tx.select({ hash: images.hash }).from(images).where(eq(images.hash, poster.hash)).get()) return '找不到该封面图片,请重新上传。';
    tx.update(articleFiles).set({ posterImage: poster?.url ?? null }).where(eq(articleFiles.id, row.id)).run();
    return null;
  });
}

/** Sets (or with null clears) a video's captions: an uploaded WebVTT file. */
export function setVideoCaptions(articleFileId: number, captionsHash: string | null, actor: Actor): FileMutationResult {
  return withRow(articleFileId, actor, (tx, row) => {
    if (kindOf(tx, row.fileHash) !== 'video') return '只有视频可以添加字幕。';
    if (captionsHash && kindOf(tx, captionsHash) !== 'captions') return '字幕必须是 WebVTT 文件,请重新上传。';
    tx.update(articleFiles).set({ captionsHash }).where(and(eq(articleFiles.id, row.id))).run();
    return null;
  });
}
