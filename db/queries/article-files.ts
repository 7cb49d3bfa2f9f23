import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../client';
import { type ArticleStatus, articleFiles, articles, storedFiles } from '../schema';
import { isVisibleToReaders } from '../visibility';

/** 附件 and videos of an article as the article page and the editor's panel show them. */
export type ArticleFileItem = {
  id: number;
  fileName: string;
  kind: 'attachment' | 'video' | 'captions';
  mime: string;
  bytes: number;
  posterImage: string | null;
  hasCaptions: boolean;
};

/** An article's files in their order, each with its stored type and size (one statement). */
export async function listArticleFiles(articleId: number): Promise<ArticleFileItem[]> {
  const rows = await getDb()
    .select({
      id: articleFiles.id,
      fileName: articleFiles.fileName,
      kind: storedFiles.kind,
      mime: storedFiles.mime,
      bytes: storedFiles.bytes,
      posterImage: articleFiles.posterImage,
      captionsHash: articleFiles.captionsHash,
    })
    .from(articleFiles)
    .innerJoin(storedFiles, eq(storedFiles.hash, articleFiles.fileHash))
    .where(eq(articleFiles.articleId, articleId))
    .orderBy(asc(articleFiles.position), asc(articleFiles.id));
  return rows.map(({ captionsHash, ...row }) => ({ ...row, hasCaptions: captionsHash !== null }));
}

export type ServableFile = {
  fileName: string;
  hash: string;
  mime: string;
  bytes: number;
  kind: ArticleFileItem['kind'];
  captions: { hash: string; mime: string; bytes: number } | null;
  /** Whether readers may have it now: the article it is attached to is visible (db/visibility.ts). */
  publiclyVisible: boolean;
};

const captionsFile = alias(storedFiles, 'captions_file');

/** One attachment row with what serving it needs, or undefined when there is no such row. */
export async function getServableFile(articleFileId: number, now = Date.now()): Promise<ServableFile | undefined> {
  const rows = await getDb()
    .select({
      fileName: articleFiles.fileName,
      hash: storedFiles.hash,
      mime: storedFiles.mime,
      bytes: storedFiles.bytes,
      kind: storedFiles.kind,
      captionsHash: captionsFile.hash,
      captionsMime: captionsFile.mime,
      captionsBytes: captionsFile.bytes,
      status: articles.status,
      publishedAt: articles.publishedAt,
      unpublishAt: articles.unpublishAt,
    })
    .from(articleFiles)
    .innerJoin(storedFiles, eq(storedFiles.hash, articleFiles.fileHash))
    .innerJoin(articles, eq(articles.id, articleFiles.articleId))
    .leftJoin(captionsFile, eq(captionsFile.hash, articleFiles.captionsHash))
    .where(eq(articleFiles.id, articleFileId))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const { captionsHash, captionsMime, captionsBytes, status, publishedAt, unpublishAt, ...file } = row;
  return {
    ...file,
    captions: captionsHash && captionsMime && captionsBytes !== null ? { hash: captionsHash, mime: captionsMime, bytes: captionsBytes } : null,
    publiclyVisible: isVisibleToReaders({ status, publishedAt, unpublishAt }, now),
  };
}

/** Who may change an article's files: its status and author, for lib/workflow's save rule. */
export async function getArticleEditState(articleId: number): Promise<{ status: ArticleStatus; authorId: number | null } | undefined> {
  const rows = await getDb().select({ status: articles.status, authorId: articles.authorId }).from(articles).where(eq(articles.id, articleId)).limit(1);
  return rows[0];
}

