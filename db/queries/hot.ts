import { and, count, desc, eq, gte, inArray, lte, sql, sum } from 'drizzle-orm';
import { getDb } from '../client';
import { articleViewsDaily, articles, sections } from '../schema';
import { daysBefore, shanghaiDay } from '@/lib/time';
import type { ArticleListItem } from './articles';

export type HotItem = ArticleListItem & { views: number };

/** 周热点: the most viewed visible articles over the last 7 daily buckets (today included). */
export async function weeklyHot(limit: number, offset = 0, now = new Date()): Promise<HotItem[]> {
  const db = getDb();
  const today = shanghaiDay(now);
  const since = daysBefore(today, 6);
  const total = sum(articleViewsDaily.count).mapWith(Number);
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      summary: articles.summary,
      publishedAt: articles.publishedAt,
      sectionId: articles.sectionId,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      coverImage: articles.coverImage,
      coverAlt: articles.coverAlt,
      views: total,
    })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        gte(articleViewsDaily.day, since),
        lte(articleViewsDaily.day, today),
        eq(articles.isPublic, 1),
        lte(articles.publishedAt, now),
      ),
    )
    // The unary + keeps SQLite from walking the article_id index over every day ever counted;
    // it then reads only the last 7 days through the (day, article_id) key.
    .groupBy(sql`+${articleViewsDaily.articleId}`)
    .orderBy(desc(total), desc(articles.publishedAt))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0), views: r.views ?? 0 }));
}

/** How many distinct visible articles were viewed in the last 7 days. */
export async function countWeeklyHot(now = new Date()): Promise<number> {
  const today = shanghaiDay(now);
  const since = daysBefore(today, 6);
  const viewed = getDb()
    .select({ id: articleViewsDaily.articleId })
    .from(articleViewsDaily)
    .innerJoin(articles, eq(articles.id, articleViewsDaily.articleId))
    .where(
      and(
        gte(articleViewsDaily.day, since),
        lte(articleViewsDaily.day, today),
        eq(articles.isPublic, 1),
        lte(articles.publishedAt, now),
      ),
    )
    .groupBy(sql`+${articleViewsDaily.articleId}`)
    .as('viewed');
  const rows = await getDb().select({ n: count() }).from(viewed);
  return rows[0]?.n ?? 0;
}

/** Whether a beacon's id names an article readers can see (a primary-key lookup). */
export async function isViewableArticle(id: number, now = new Date()): Promise<boolean> {
  const rows = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(inArray(articles.id, [id]), eq(articles.isPublic, 1), lte(articles.publishedAt, now)))
    .limit(1);
  return rows.length > 0;
}
