import { and, count, countDistinct, desc, eq, inArray, lt, lte, gt, gte, notInArray, or, asc } from 'drizzle-orm';
import { getDb } from '../client';
import { type Article, articleSections, articles, sections, type TitleColor } from '../schema';
import { publicOrder, visibleAt } from '../visibility';
import { hasOwnPage } from './entry-rules';

/** What a list row needs: enough for a title link with its date. */
export type ArticleListItem = {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date;
  sectionId: number;
  sectionSlug: string;
  sectionName: string;
  coverImage: string | null;
  coverAlt: string | null;
  /** 短标题 for lists, the palette colour and bold (lib/content/title-style.ts). */
  shortTitle: string | null;
  titleColor: TitleColor | null;
  titleBold: boolean;
  /** Set for a 跳转/转载 entry: lists link here, and it has no page of its own. */
  externalUrl: string | null;
};

export type PublicArticle = Article & { publishedAt: Date; sectionSlug: string; sectionName: string };

export const PAGE_SIZE = 20;

/** The columns of an ArticleListItem, for every query that lists articles. */
export const listColumns = {
  id: articles.id,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  sectionId: articles.sectionId,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  coverImage: articles.coverImage,
  coverAlt: articles.coverAlt,
  shortTitle: articles.shortTitle,
  titleColor: articles.titleColor,
  titleBold: articles.titleBold,
  externalUrl: articles.externalUrl,
};

/** Rows of listColumns as list items (a visible row always has its publication time). */
export function asListItems(rows: Array<Omit<ArticleListItem, 'publishedAt'> & { publishedAt: Date | null }>) {
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) }));
}

/** A published article by id, or undefined when readers may not see it or it has no page (an external entry). */
export async function getPublicArticle(id: number, now = new Date()): Promise<PublicArticle | undefined> {
  const rows = await getDb()
    .select({ article: articles, sectionSlug: sections.slug, sectionName: sections.name })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.id, id), visibleAt(now), hasOwnPage()))
    .limit(1);
  const row = rows[0];
  if (!row || !row.article.publishedAt) return undefined;
  return { ...row.article, publishedAt: row.article.publishedAt, sectionSlug: row.sectionSlug, sectionName: row.sectionName };
}

/** The newest visible articles of the whole site. */
export async function latestArticles(limit: number, now = new Date()): Promise<ArticleListItem[]> {
  const rows = await getDb()
    .select(listColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(visibleAt(now))
    .orderBy(publicOrder())
    .limit(limit);
  return asListItems(rows);
}

/**
 * One page of the visible articles of a set of sections, newest first: those whose home section
 * is in the set and those listed there too (一稿多发, article_sections), once each. `excludeIds`
 * (page 1's 置顶 entries) are left out of every page, so they never show twice.
 * Each section is read along its own index (only the ids and dates of the first offset+limit
 * rows), the further listings in one join from article_sections (few rows: a sort of them is
 * cheap), the streams are merged here, and only the chosen page is loaded: no query sorts a
 * whole section. An id in several streams is within the first offset+limit of each stream it
 * is in whenever it is within the page, so merging the heads loses nothing.
 */
export async function listSectionArticles(
  sectionIds: number[],
  page: number,
  pageSize = PAGE_SIZE,
  now = new Date(),
  excludeIds: number[] = [],
): Promise<ArticleListItem[]> {
  const offset = (page - 1) * pageSize;
  const db = getDb();
  const notExcluded = excludeIds.length > 0 ? notInArray(articles.id, excludeIds) : undefined;
  const listedHere = await db
    .selectDistinct({ id: articles.id, publishedAt: articles.publishedAt })
    .from(articleSections)
    .innerJoin(articles, eq(articles.id, articleSections.articleId))
    .where(and(inArray(articleSections.sectionId, sectionIds), visibleAt(now), notExcluded))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(offset + pageSize);
  let ids: number[];
  if (sectionIds.length === 1 && listedHere.length === 0) {
    const rows = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.sectionId, sectionIds[0]!), visibleAt(now), notExcluded))
      .orderBy(desc(articles.sectionId), publicOrder())
      .limit(pageSize)
      .offset(offset);
    ids = rows.map((r) => r.id);
  } else {
    const heads = await Promise.all(
      sectionIds.map((sid) =>
        db
          .select({ id: articles.id, publishedAt: articles.publishedAt })
          .from(articles)
          .where(and(eq(articles.sectionId, sid), visibleAt(now), notExcluded))
          .orderBy(desc(articles.sectionId), publicOrder())
          .limit(offset + pageSize),
      ),
    );
    const unique = new Map<number, number>();
    for (const r of [...heads.flat(), ...listedHere]) unique.set(r.id, r.publishedAt?.getTime() ?? 0);
    ids = [...unique]
      .sort(([aId, aAt], [bId, bAt]) => bAt - aAt || bId - aId)
      .slice(offset, offset + pageSize)
      .map(([id]) => id);
  }
  return loadListItems(ids);
}

/** List rows for the given ids, in that order. */
async function loadListItems(ids: number[]): Promise<ArticleListItem[]> {
  if (ids.length === 0) return [];
  const rows = await getDb()
    .select(listColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids));
  const byId = new Map(asListItems(rows).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ArticleListItem => r !== undefined);
}

/**
 * How many visible articles a set of sections lists: each section counted along its index, plus
 * the articles listed there from a home section outside the set (counted once however many of
 * the set's sections list them).
 */
export async function countSectionArticles(sectionIds: number[], now = new Date()): Promise<number> {
  const db = getDb();
  let total = 0;
  for (const sid of sectionIds) {
    const rows = await db
      .select({ n: count() })
      .from(articles)
      .where(and(eq(articles.sectionId, sid), visibleAt(now)));
    total += rows[0]?.n ?? 0;
  }
  const listed = await db
    .select({ n: countDistinct(articleSections.articleId) })
    .from(articleSections)
    .innerJoin(articles, eq(articles.id, articleSections.articleId))
    .where(and(inArray(articleSections.sectionId, sectionIds), notInArray(articles.sectionId, sectionIds), visibleAt(now)));
  return total + (listed[0]?.n ?? 0);
}

export type Neighbour = { id: number; title: string; sectionSlug: string };

/** 上一篇 (the next older) and 下一篇 (the next newer) article in the same section. */
export async function adjacentArticles(
  article: Pick<PublicArticle, 'id' | 'sectionId' | 'publishedAt' | 'sectionSlug'>,
  now = new Date(),
): Promise<{ previous?: Neighbour; next?: Neighbour }> {
  const db = getDb();
  const at = article.publishedAt;
  // An external entry has no page to be the 上一篇 or 下一篇 of anything.
  const base = and(eq(articles.sectionId, article.sectionId), visibleAt(now), hasOwnPage());
  // The lone lte/gte bound gives SQLite one index range to walk from `at`. With only the OR,
  // it planned a MULTI-INDEX OR that sorted every newer article of the section: 40 ms for an
  // old article's 下一篇 at 100,000 articles (0.04 ms with the bound), on every cache miss.

  const older = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(base, lte(articles.publishedAt, at), or(lt(articles.publishedAt, at), and(eq(articles.publishedAt, at), lt(articles.id, article.id)))))
    .orderBy(desc(articles.sectionId), publicOrder(), desc(articles.id))
    .limit(1);
  const newer = await db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(base, gte(articles.publishedAt, at), or(gt(articles.publishedAt, at), and(eq(articles.publishedAt, at), gt(articles.id, article.id)))))
    .orderBy(asc(articles.sectionId), publicOrder('articles', 'asc'), asc(articles.id))
    .limit(1);
  const slug = article.sectionSlug;
  return {
    previous: older[0] ? { ...older[0], sectionSlug: slug } : undefined,
    next: newer[0] ? { ...newer[0], sectionSlug: slug } : undefined,
  };
}
