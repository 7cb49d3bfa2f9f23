import { and, count, desc, eq, gte, lte, sql, sum } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { articleViewsDaily, articles, sections } from '../schema';
import { daysBefore, shanghaiDay } from '@/lib/time';
import { visibleAt, visibleClause } from '../visibility';
import { type ArticleListItem, listColumns } from './articles';

export type HotItem = ArticleListItem & { views: number };

/** /hot lists the 1,000 most read articles of the week (50 pages of 20), no further. */
export const HOT_MAX_PAGES = 50;

/** View buckets of the last 7 days (today included) of articles readers can see. */
function lastWeekVisible(now: Date) {
  const today = shanghaiDay(now);
  return and(gte(articleViewsDaily.day, daysBefore(today, 6)), lte(articleViewsDaily.day, today), visibleAt(now));
}

// The unary + keeps SQLite from walking the article_id index over every day ever counted;
// grouped this way it reads only the last 7 days through the (day, article_id) key.
const byArticle = sql`+${articleViewsDaily.articleId}`;

/** 周热点: the most viewed visible articles over the last 7 daily buckets (today included). */
export async function weeklyHot(limit: number, offset = 0, now = new Date()): Promise<HotItem[]> {
  const total = sum(articleViewsDaily.count).mapWith(Number);
  const rows = await getDb()
    .select({ ...listColumns, views: total })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(lastWeekVisible(now))
    .groupBy(byArticle)
    .orderBy(desc(total), desc(articles.publishedAt))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0), views: r.views ?? 0 }));
}

/** How many distinct visible articles were viewed in the last 7 days. */
export async function countWeeklyHot(now = new Date()): Promise<number> {
  const viewed = getDb()
    .select({ id: articleViewsDaily.articleId })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .where(lastWeekVisible(now))
    .groupBy(byArticle)
    .as('viewed');
  const rows = await getDb().select({ n: count() }).from(viewed);
  return rows[0]?.n ?? 0;
}

const viewable = preparedOnce(`select 1 from articles where id = ? and ${visibleClause()}`, (statement) => statement.pluck());

/**
 * Whether a beacon's id names an article readers can see: one primary-key read, synchronous,
 * because beacons arrive by the thousand per second.
 */
export function isViewableArticle(id: number, now = Date.now()): boolean {
  return viewable().get(id, { now }) !== undefined;
}
