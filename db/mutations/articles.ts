import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { type Article, type ArticleStatus, articleRevisions, articles, sections } from '../schema';
import { isPublicStatus } from '../visibility';
import type { ContentChange } from '@/lib/cache/content-change';
import { imagesMissingAlt, sanitizeArticleHtml } from '@/lib/sanitize/article-html';
import { type Actor, type WorkflowAction, checkTransition, keepsRevisions } from '@/lib/workflow/transitions';

/**
 * Article writes. Each function is one SQLite transaction that re-reads the row, asks
 * lib/workflow whether the change is allowed, checks the optimistic-concurrency version and
 * only then writes, so two staff (or two server processes) can never interleave a half-change.
 * better-sqlite3 transactions are synchronous, so inside them the sync query forms are used.
 */

export type ArticleFields = {
  title: string;
  subtitle: string | null;
  sectionId: number;
  source: string;
  byline: string[];
  responsibleEditor: string | null;
  summary: string;
  coverImage: string | null;
  coverAlt: string | null;
  body: string;
};

/** What changed for readers: enough for the caller to revalidate the right pages. */
export type ArticleChange = {
  id: number;
  version: number;
  status: ArticleStatus;
  previousStatus: ArticleStatus;
  sectionId: number;
  previousSectionId: number;
  updatedAt: Date;
  publishedAt: Date | null;
};

/** What readers may notice of an article change, for refreshAfter (lib/cache/refresh.ts). */
export function readerChange(c: Pick<ArticleChange, 'id' | 'status' | 'previousStatus'>): ContentChange {
  return { kind: 'article', id: c.id, publicBefore: isPublicStatus(c.previousStatus), publicAfter: isPublicStatus(c.status) };
}

export type MutationResult =
  | { ok: true; change: ArticleChange }
  | { ok: false; code: 'not_found' | 'forbidden' | 'conflict' | 'invalid'; message: string; currentVersion?: number };

function conflictMessage(current: Article): string {
  return `保存被拒绝:这篇稿件在您打开之后已被他人修改(当前版本 ${current.version})。您的内容仍保留在编辑框中,请复制后刷新页面查看最新版本再合并。`;
}

function sectionExists(sectionId: number): boolean {
  const db = getDb();
  return db.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId)).get() !== undefined;
}

function snapshot(a: Article, editorId: number, at: Date) {
  getDb()
    .insert(articleRevisions)
    .values({
      articleId: a.id,
      version: a.version,
      title: a.title,
      subtitle: a.subtitle,
      summary: a.summary,
      body: a.body,
      source: a.source,
      byline: a.byline,
      responsibleEditor: a.responsibleEditor,
      status: a.status,
      editorId,
      createdAt: at,
    })
    .run();
}

function change(before: Article, after: Article): ArticleChange {
  return {
    id: after.id,
    version: after.version,
    status: after.status,
    previousStatus: before.status,
    sectionId: after.sectionId,
    previousSectionId: before.sectionId,
    updatedAt: after.updatedAt,
    publishedAt: after.publishedAt,
  };
}

/** Why an article is not ready to go before readers (or to an editor), or null. */
function notReady(a: Pick<Article, 'title' | 'body'>, what: string): string | null {
  if (!a.title.trim() || !a.body.trim()) return `标题和正文不能为空,不能${what}。`;
  const missing = imagesMissingAlt(a.body);
  if (missing > 0) return `正文中有 ${missing} 张图片缺少替代文字,不能${what}。`;
  return null;
}

function cleanFields(fields: ArticleFields): ArticleFields {
  return { ...fields, body: sanitizeArticleHtml(fields.body) };
}

/** A new draft owned by `actor`. */
export function createArticle(fields: ArticleFields, actor: Actor, now = new Date()): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    if (!sectionExists(fields.sectionId)) return { ok: false, code: 'invalid', message: '所选栏目不存在。' } as const;
    const row = db
      .insert(articles)
      .values({ ...cleanFields(fields), status: 'draft', authorId: actor.id, createdAt: now, updatedAt: now, version: 1 })
      .returning()
      .get();
    return { ok: true, change: change(row, row) } as const;
  });
}

/**
 * Saves the fields of an article if `expectedVersion` is still current. A save of anything
 * past the draft stage keeps a revision, so every change to what editors approved is on record.
 */
export function saveArticle(
  id: number,
  expectedVersion: number,
  fields: ArticleFields,
  actor: Actor,
  now = new Date(),
): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    const current = db.select().from(articles).where(eq(articles.id, id)).get();
    if (!current) return { ok: false, code: 'not_found', message: '稿件不存在或已被删除。' } as const;
    const check = checkTransition('save', current, actor);
    if (!check.ok) return { ok: false, code: 'forbidden', message: check.reason } as const;
    if (current.version !== expectedVersion) {
      return { ok: false, code: 'conflict', message: conflictMessage(current), currentVersion: current.version } as const;
    }
    if (!sectionExists(fields.sectionId)) return { ok: false, code: 'invalid', message: '所选栏目不存在。' } as const;
    const clean = cleanFields(fields);
    // Past the draft stage what is saved is (or will be) in front of readers: it must be complete.
    const problem = current.status === 'draft' ? null : notReady(clean, '保存');
    if (problem) return { ok: false, code: 'invalid', message: problem } as const;
    const updated = db
      .update(articles)
      .set({ ...clean, updatedAt: now, version: sql`${articles.version} + 1` })
      // The version in the WHERE makes the check and the write one atomic step, even across processes.
      .where(and(eq(articles.id, id), eq(articles.version, expectedVersion)))
      .returning()
      .get();
    if (!updated) return { ok: false, code: 'conflict', message: conflictMessage(current), currentVersion: current.version } as const;
    if (keepsRevisions(updated.status)) snapshot(updated, actor.id, now);
    return { ok: true, change: change(current, updated) } as const;
  });
}

export type TransitionInput = {
  id: number;
  action: Exclude<WorkflowAction, 'save' | 'delete'>;
  expectedVersion: number;
  /** For `schedule`: when readers may see it. */
  publishAt?: Date;
  /** For `sendBack`: what the author should change. */
  comment?: string;
};

/** Moves an article along the review chain, if lib/workflow allows it. */
export function transitionArticle(input: TransitionInput, actor: Actor, now = new Date()): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    const current = db.select().from(articles).where(eq(articles.id, input.id)).get();
    if (!current) return { ok: false, code: 'not_found', message: '稿件不存在或已被删除。' } as const;
    const check = checkTransition(input.action, current, actor);
    if (!check.ok) return { ok: false, code: 'forbidden', message: check.reason } as const;
    if (current.version !== input.expectedVersion) {
      return { ok: false, code: 'conflict', message: conflictMessage(current), currentVersion: current.version } as const;
    }
    const set: Partial<typeof articles.$inferInsert> = { status: check.to, updatedAt: now };
    switch (input.action) {
      case 'submit': {
        const problem = notReady(current, '提交审核');
        if (problem) return { ok: false, code: 'invalid', message: problem } as const;
        set.reviewComment = null;
        break;
      }
      case 'publish': {
        const problem = notReady(current, '发布');
        if (problem) return { ok: false, code: 'invalid', message: problem } as const;
        set.publishedAt = now;
        set.reviewComment = null;
        break;
      }
      case 'schedule': {
        if (!input.publishAt || input.publishAt.getTime() <= now.getTime()) {
          return { ok: false, code: 'invalid', message: '定时发布的时间必须晚于当前时间。' } as const;
        }
        const problem = notReady(current, '发布');
        if (problem) return { ok: false, code: 'invalid', message: problem } as const;
        set.publishedAt = input.publishAt;
        set.reviewComment = null;
        break;
      }
      case 'sendBack':
        if (!input.comment?.trim()) return { ok: false, code: 'invalid', message: '退回修改时请填写意见。' } as const;
        set.reviewComment = input.comment.trim();
        // A scheduled piece sent back must not go live at its old time.
        if (current.status === 'scheduled') set.publishedAt = null;
        break;
      case 'withdraw':
      case 'restore':
        break;
    }
    const updated = db
      .update(articles)
      .set({ ...set, version: sql`${articles.version} + 1` })
      .where(and(eq(articles.id, current.id), eq(articles.version, current.version)))
      .returning()
      .get();
    if (!updated) return { ok: false, code: 'conflict', message: conflictMessage(current), currentVersion: current.version } as const;
    if (input.action === 'submit' || input.action === 'publish' || input.action === 'schedule') snapshot(updated, actor.id, now);
    return { ok: true, change: change(current, updated) } as const;
  });
}

/** Deletes a draft or withdrawn article (revisions go with it: the FK cascades). */
export function deleteArticle(id: number, actor: Actor): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    const current = db.select().from(articles).where(eq(articles.id, id)).get();
    if (!current) return { ok: false, code: 'not_found', message: '稿件不存在或已被删除。' } as const;
    const check = checkTransition('delete', current, actor);
    if (!check.ok) return { ok: false, code: 'forbidden', message: check.reason } as const;
    db.delete(articles).where(eq(articles.id, id)).run();
    return { ok: true, change: change(current, current) } as const;
  });
}

/** Restores a revision's content as a new save (the version check applies as to any save). */
export function restoreRevision(
  articleId: number,
  revisionId: number,
  expectedVersion: number,
  actor: Actor,
  now = new Date(),
): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    const rev = db
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)))
      .get();
    const current = db.select().from(articles).where(eq(articles.id, articleId)).get();
    if (!rev || !current) return { ok: false, code: 'not_found', message: '修订记录不存在。' } as const;
    return saveArticle(
      articleId,
      expectedVersion,
      {
        title: rev.title,
        subtitle: rev.subtitle,
        sectionId: current.sectionId,
        source: rev.source,
        byline: rev.byline,
        responsibleEditor: rev.responsibleEditor,
        summary: rev.summary,
        coverImage: current.coverImage,
        coverAlt: current.coverAlt,
        body: rev.body,
      },
      actor,
      now,
    );
  });
}

/**
 * Flips every scheduled article whose time has come to published. Idempotent and safe with
 * several processes on one database: the WHERE only matches rows still scheduled, so a row is
 * flipped (and reported) by exactly one caller.
 */
export function publishDueArticles(now = new Date()): Array<{ id: number; sectionId: number }> {
  return getDb()
    .update(articles)
    .set({ status: 'published', version: sql`${articles.version} + 1` })
    .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
    .returning({ id: articles.id, sectionId: articles.sectionId })
    .all();
}
