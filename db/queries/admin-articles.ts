import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, max, sql, type SQL } from 'drizzle-orm';
import { searchArticleIdsForStaff } from './search';
import { getDb } from '../client';
import { type Article, type ArticleStatus, articleSections, articles, cacheInvalidations, sections, users } from '../schema';
import { PUBLIC_STATUSES, visibleAt } from '../visibility';

/** Staff-side reads of articles in every status (the public queries only see published ones). */

export type AdminArticleRow = {
  id: number;
  title: string;
  status: ArticleStatus;
  sectionId: number;
  sectionName: string;
  sectionSlug: string;
  authorId: number | null;
  authorName: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  version: number;
  headlineRank: number | null;
  pinned: boolean;
  pinEndsAt: Date | null;
  recommended: boolean;
  slide: boolean;
  unpublishAt: Date | null;
  externalUrl: string | null;
};

export type AdminArticleFilter = {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  /** Words to find in the title or text (full-text index, drafts included). */
  q?: string;
};

export const ADMIN_PAGE_SIZE = 20;

const rowColumns = {
  id: articles.id,
  title: articles.title,
  status: articles.status,
  sectionId: articles.sectionId,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  authorId: articles.authorId,
  authorName: users.displayName,
  updatedAt: articles.updatedAt,
  publishedAt: articles.publishedAt,
  version: articles.version,
  headlineRank: articles.headlineRank,
  pinned: articles.pinned,
  pinEndsAt: articles.pinEndsAt,
  recommended: articles.recommended,
  slide: articles.slide,
  unpublishAt: articles.unpublishAt,
  externalUrl: articles.externalUrl,
};

/**
 * Staff search uses the site's full-text index (drafts included), so the newsroom finds an
 * article by any word of its title or text, in Chinese, the way readers do.
 */
async function whereOf(filter: AdminArticleFilter): Promise<SQL | undefined> {
  const parts: SQL[] = [];
  if (filter.status) parts.push(eq(articles.status, filter.status));
  if (filter.sectionId) parts.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId) parts.push(eq(articles.authorId, filter.authorId));
  const q = filter.q?.trim();
  if (q) {
    const ids = await searchArticleIdsForStaff(q);
    // null: nothing searchable in the query (punctuation only), so no text filter.
    if (ids !== null) parts.push(ids.length > 0 ? inArray(articles.id, ids) : sql`0`);
  }
  return parts.length ? and(...parts) : undefined;
}

/** One page of the staff article list, newest change first, with the total for pagination. */
export async function listAdminArticles(
  filter: AdminArticleFilter,
  page: number,
  pageSize = ADMIN_PAGE_SIZE,
): Promise<{ rows: AdminArticleRow[]; total: number }> {
  const db = getDb();
  const where = await whereOf(filter);
  const rows = await db
    .select(rowColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(where)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const totals = await db.select({ n: count() }).from(articles).where(where);
  return { rows, total: totals[0]?.n ?? 0 };
}

export type EditableArticle = Article & { sectionSlug: string; authorName: string | null; extraSectionIds: number[] };

export async function getArticleForEdit(id: number): Promise<EditableArticle | undefined> {
  const rows = await getDb()
    .select({ article: articles, sectionSlug: sections.slug, authorName: users.displayName })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const extra = await getDb().select({ id: articleSections.sectionId }).from(articleSections).where(eq(articleSections.articleId, id));
  return { ...row.article, sectionSlug: row.sectionSlug, authorName: row.authorName, extraSectionIds: extra.map((e) => e.id) };
}

/** The version and last saver-relevant facts, polled by open editors to spot others' saves. */
export async function getArticleVersion(id: number): Promise<{ version: number; updatedAt: Date; status: ArticleStatus } | undefined> {
  const rows = await getDb()
    .select({ version: articles.version, updatedAt: articles.updatedAt, status: articles.status })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  return rows[0];
}

export type DashboardList = { total: number; rows: AdminArticleRow[] };
export type Dashboard = {
  myDrafts: DashboardList;
  inReview: DashboardList;
  scheduled: DashboardList;
  published: DashboardList;
};

const DASHBOARD_ROWS = 8;

async function dashboardList(where: SQL, order: SQL[]): Promise<DashboardList> {
  const db = getDb();
  const rows = await db
    .select(rowColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(where)
    .orderBy(...order)
    .limit(DASHBOARD_ROWS);
  const totals = await db.select({ n: count() }).from(articles).where(where);
  return { total: totals[0]?.n ?? 0, rows };
}

/** The newsroom's desk at a glance. */
export async function getDashboard(userId: number): Promise<Dashboard> {
  const [myDrafts, inReview, scheduled, published] = await Promise.all([
    dashboardList(and(eq(articles.authorId, userId), eq(articles.status, 'draft'))!, [desc(articles.updatedAt)]),
    dashboardList(eq(articles.status, 'in_review'), [asc(articles.updatedAt)]),
    dashboardList(eq(articles.status, 'scheduled'), [asc(articles.publishedAt)]),
    dashboardList(eq(articles.status, 'published'), [desc(articles.publishedAt)]),
  ]);
  return { myDrafts, inReview, scheduled, published };
}

/** Staff who can appear as authors in the list filter. */
export async function listStaff(): Promise<Array<{ id: number; displayName: string; username: string }>> {
  return getDb()
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(users)
    .orderBy(asc(users.displayName));
}

/**
 * The newest content refresh anyone logged (cache_invalidations; epoch ms, 0 when none). Every
 * content change marks the whole site stale (lib/cache/content-change.ts), so a take-down time
 * at or before it is already reflected in every cached page, by whichever process logged it;
 * one after it is still to be refreshed. This is what makes a take-down refreshed once, by one
 * process, with no column of its own to flip.
 */
const lastContentRefresh = sql`coalesce((select ${max(cacheInvalidations.at)} from ${cacheInvalidations}), 0)`;

/** A take-down only matters for an article readers could see (published, or scheduled to be). */
const publicStatus = inArray(articles.status, [...PUBLIC_STATUSES]);

/** Articles whose 定时下线 time has come since the last content refresh: cached pages still show them. */
export async function takeDownsDue(now: Date): Promise<number[]> {
  const rows = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(isNotNull(articles.unpublishAt), lte(articles.unpublishAt, now), gt(articles.unpublishAt, lastContentRefresh), publicStatus));
  return rows.map((r) => r.id);
}

/**
 * The scheduler's next wake-up (may be overdue): the earliest of a scheduled publication, the
 * end of a pin still on, and a take-down not yet refreshed (see takeDownsDue).
 */
export async function nextScheduledAt(): Promise<Date | undefined> {
  const db = getDb();
  const [publish, pinEnd, takeDown] = await Promise.all([
    db.select({ at: articles.publishedAt }).from(articles).where(eq(articles.status, 'scheduled')).orderBy(asc(articles.publishedAt)).limit(1),
    db
      .select({ at: articles.pinEndsAt })
      .from(articles)
      .where(and(eq(articles.pinned, true), isNotNull(articles.pinEndsAt)))
      .orderBy(asc(articles.pinEndsAt))
      .limit(1),
    db
      .select({ at: articles.unpublishAt })
      .from(articles)
      .where(and(gt(articles.unpublishAt, lastContentRefresh), publicStatus))
      .orderBy(asc(articles.unpublishAt))
      .limit(1),
  ]);
  const times = [publish[0]?.at, pinEnd[0]?.at, takeDown[0]?.at].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : undefined;
}
