import { inArray } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, type Section } from '../schema';
import { type ArticleListItem, latestArticles, listSectionArticles } from './articles';
import { getDescendantIds, getSectionBySlug } from './sections';

export const FEED_ITEMS = 50;

export type FeedItem = ArticleListItem & { body: string; byline: string[]; updatedAt: Date };

/** Adds what a feed entry needs beyond a list row (the body for the description, the byline). */
async function withBodies(list: ArticleListItem[]): Promise<FeedItem[]> {
  if (list.length === 0) return [];
  const rows = await getDb()
    .select({ id: articles.id, body: articles.body, byline: articles.byline, updatedAt: articles.updatedAt })
    .from(articles)
    .where(
      inArray(
        articles.id,
        list.map((a) => a.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return list.flatMap((item) => {
    const extra = byId.get(item.id);
    return extra ? [{ ...item, ...extra }] : [];
  });
}

/** The newest visible articles of the whole site, newest first (along articles_public_idx). */
export async function siteFeedItems(limit = FEED_ITEMS, now = new Date()): Promise<FeedItem[]> {
  return withBodies(await latestArticles(limit, now));
}

/** A section (with its sub-sections) and its newest visible articles; undefined for an unknown slug. */
export async function sectionFeed(
  slug: string,
  limit = FEED_ITEMS,
  now = new Date(),
): Promise<{ section: Section; items: FeedItem[] } | undefined> {
  const section = await getSectionBySlug(slug);
  if (!section) return undefined;
  const ids = await getDescendantIds(section.id);
  return { section, items: await withBodies(await listSectionArticles(ids, 1, limit, now)) };
}
