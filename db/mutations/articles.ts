import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { type Article, type ArticleStatus, articleRevisions, articleSections, articles, sections } from '../schema';
import { isPublicStatus } from '../visibility';
import type { ContentChange } from '@/lib/cache/content-change';
import { imagesMissingAlt, sanitizeArticleHtml } from '@/lib/sanitize/article-html';
import {
  DEFAULT_EDITORIAL,
  type EditorialFields,
  editorialDifferences,
  editorialOf,
  maySetEditorial,
  reporterRefusal,
  timersDiffer,
} from '@/lib/workflow/editorial';
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
  /** A pin's end or a take-down time moved: the scheduler must re-read its next wake-up. */
  timersChanged: boolean;
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

function change(before: Article, after: Article, timersChanged = false): ArticleChange {
  return {
    id: after.id,
    version: after.version,
    status: after.status,
    previousStatus: before.status,
    sectionId: after.sectionId,
    previousSectionId: before.sectionId,
    updatedAt: after.updatedAt,
    publishedAt: after.publishedAt,
    timersChanged,
  };
}

/** Why an article is not ready to go before readers (or to an editor), or null. */
function notReady(a: Pick<Article, 'title' | 'body' | 'externalUrl'>, what: string): string | null {
  if (!a.title.trim()) return `标题不能为空,不能${what}。`;
  // A 跳转 entry is a title, a source and a link: it has no page, so no body is needed.
  if (!a.externalUrl && !a.body.trim()) return `标题和正文不能为空,不能${what}。`;
  const missing = imagesMissingAlt(a.body);
  if (missing > 0) return `正文中有 ${missing} 张图片缺少替代文字,不能${what}。`;
  return null;
}

function cleanFields(fields: ArticleFields): ArticleFields {
  return { ...fields, body: sanitizeArticleHtml(fields.body) };
}

function extraSectionsOf(articleId: number): number[] {
  return getDb()
    .select({ id: articleSections.sectionId })
    .from(articleSections)
    .where(eq(articleSections.articleId, articleId))
    .all()
    .map((r) => r.id);
}

type Refusal = { ok: false; code: 'forbidden' | 'invalid'; message: string };

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * The editors' settings a save will store, or why it must not happen. `requested` undefined
 * (a reporter's editor, a revision restore) keeps what is stored. A reporter's call that would
 * change any setting is refused whole, so a forged call is visible rather than half-applied.
 */
function settleEditorial(
  requested: EditorialFields | undefined,
  stored: EditorialFields,
  homeSectionId: number,
  publishedAt: Date | null,
  actor: Actor,
  now: Date,
): { ok: true; value: EditorialFields } | Refusal {
  if (requested && !maySetEditorial(actor.role)) {
    const changed = editorialDifferences({ ...requested, extraSectionIds: [...new Set(requested.extraSectionIds)] }, stored);
    if (changed.length > 0) return { ok: false, code: 'forbidden', message: reporterRefusal(changed) };
  }
  const wanted = requested ?? stored;
  // 一稿多发 lists the article in further sections: its home section is never one of them.
  const extraSectionIds = [...new Set(wanted.extraSectionIds)].filter((id) => id !== homeSectionId).sort((a, b) => a - b);
  const value: EditorialFields = { ...wanted, pinEndsAt: wanted.pinned ? wanted.pinEndsAt : null, extraSectionIds };
  if (requested) {
    if (extraSectionIds.length > 0) {
      const found = getDb().select({ id: sections.id }).from(sections).where(inArray(sections.id, extraSectionIds)).all();
      if (found.length !== extraSectionIds.length) return { ok: false, code: 'invalid', message: '所选副栏目不存在。' };
    }
    if (value.unpublishAt && !sameTime(value.unpublishAt, stored.unpublishAt) && value.unpublishAt.getTime() <= now.getTime()) {
      return { ok: false, code: 'invalid', message: '定时下线时间必须晚于当前时间。' };
    }
    if (value.pinEndsAt && !sameTime(value.pinEndsAt, stored.pinEndsAt) && value.pinEndsAt.getTime() <= now.getTime()) {
      return { ok: false, code: 'invalid', message: '置顶结束时间必须晚于当前时间。' };
    }
  }
  if (value.unpublishAt && publishedAt && value.unpublishAt.getTime() <= publishedAt.getTime()) {
    return { ok: false, code: 'invalid', message: '定时下线时间必须晚于发布时间。' };
  }
  return { ok: true, value };
}

/** The article's columns for `e` (its 副栏目 are rows of their own: see writeExtraSections). */
function editorialColumns(e: EditorialFields) {
  const { extraSectionIds: _sections, ...columns } = e;
  return columns;
}

/** Replaces the article's 副栏目 rows, in the caller's transaction. */
function writeExtraSections(articleId: number, sectionIds: readonly number[]): void {
  const db = getDb();
  db.delete(articleSections).where(eq(articleSections.articleId, articleId)).run();
  if (sectionIds.length > 0) db.insert(articleSections).values(sectionIds.map((sectionId) => ({ articleId, sectionId }))).run();
}

/** A new draft owned by `actor`, with the editors' settings when an editor gives them. */
export function createArticle(fields: ArticleFields, actor: Actor, now = new Date(), editorial?: EditorialFields): MutationResult {
  const db = getDb();
  return db.transaction(() => {
    if (!sectionExists(fields.sectionId)) return { ok: false, code: 'invalid', message: '所选栏目不存在。' } as const;
    const settled = settleEditorial(editorial, DEFAULT_EDITORIAL, fields.sectionId, null, actor, now);
    if (!settled.ok) return settled;
    const row = db
      .insert(articles)
      .values({ ...cleanFields(fields), ...editorialColumns(settled.value), status: 'draft', authorId: actor.id, createdAt: now, updatedAt: now, version: 1 })
      .returning()
      .get();
    writeExtraSections(row.id, settled.value.extraSectionIds);
    return { ok: true, change: change(row, row, timersDiffer(DEFAULT_EDITORIAL, settled.value)) } as const;
  });
}

/**
 * Saves the fields of an article if `expectedVersion` is still current. A save of anything
 * past the draft stage keeps a revision, so every change to what editors approved is on record.
 * `editorial` (editors only; undefined keeps what is stored) is written in the same transaction,
 * 副栏目 rows included.
 */
export function saveArticle(
  id: number,
  expectedVersion: number,
  fields: ArticleFields,
  actor: Actor,
  now = new Date(),
  editorial?: EditorialFields,
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
    const stored = editorialOf(current, extraSectionsOf(id));
    const settled = settleEditorial(editorial, stored, fields.sectionId, current.publishedAt, actor, now);
    if (!settled.ok) return settled;
    const clean = cleanFields(fields);
    // Past the draft stage what is saved is (or will be) in front of readers: it must be complete.
    const problem = current.status === 'draft' ? null : notReady({ ...clean, externalUrl: settled.value.externalUrl }, '保存');
    if (problem) return { ok: false, code: 'invalid', message: problem } as const;
    const updated = db
      .update(articles)
      .set({ ...clean, ...editorialColumns(settled.value), updatedAt: now, version: sql`${articles.version} + 1` })
      // The version in the WHERE makes the check and the write one atomic step, even across processes.
      .where(and(eq(articles.id, id), eq(articles.version, expectedVersion)))
      .returning()
      .get();
    if (!updated) return { ok: false, code: 'conflict', message: conflictMessage(current), currentVersion: current.version } as const;
    writeExtraSections(id, settled.value.extraSectionIds);
    if (keepsRevisions(updated.status)) snapshot(updated, actor.id, now);
    return { ok: true, change: change(current, updated, timersDiffer(stored, settled.value)) } as const;
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
        if (current.unpublishAt && current.unpublishAt.getTime() <= now.getTime()) {
          return { ok: false, code: 'invalid', message: '定时下线时间已过:请先修改或清除定时下线时间,再发布。' } as const;
        }
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
        if (current.unpublishAt && current.unpublishAt.getTime() <= input.publishAt.getTime()) {
          return { ok: false, code: 'invalid', message: '定时发布时间必须早于定时下线时间。' } as const;
        }
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

/**
 * Ends every pin whose end time has come (置顶 until …): the flag is cleared so lists, the
 * admin and the editor all agree the pin is over. Like publishDueArticles, the WHERE only
 * matches pins still on, so each ending is done (and reported) by exactly one caller; the
 * version moves so an editor's open form cannot silently pin it again.
 */
export function endDuePins(now = new Date()): Array<{ id: number; status: ArticleStatus }> {
  return getDb()
    .update(articles)
    .set({ pinned: false, pinEndsAt: null, version: sql`${articles.version} + 1` })
    .where(and(eq(articles.pinned, true), isNotNull(articles.pinEndsAt), lte(articles.pinEndsAt, now)))
    .returning({ id: articles.id, status: articles.status })
    .all();
}
