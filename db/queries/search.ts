import { type SQL, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { rankMatches } from './search-ranking';
import { articles, sections } from '../schema';
import { visibleAt } from '../visibility';
import { htmlToText } from '@/lib/html';
import { type MarkedText, type MatchRange, matchRanges, snippet } from '@/lib/search/highlight';
import { type ParsedQuery, parseQuery } from '@/lib/search/query';
import type { SearchSort } from '@/lib/search/params';
import { startOfShanghaiDay } from '@/lib/time';

export const SEARCH_PAGE_SIZE = 20;

export type SearchFilters = {
  /** A section and its descendants; undefined for the whole site. */
  sectionIds?: number[];
  /** Shanghai calendar days, inclusive. */
  from?: string | null;
  to?: string | null;
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
};

export type SearchHit = {
  id: number;
  title: string;
  /** Where the query's terms occur in the title. */
  titleMatches: MatchRange[];
  /** Plain text around the first match (body, else subtitle, else summary), with the matches in it. */
  snippet: MarkedText;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date;
  /** A 跳转/转载 entry: the result links out, as lists do (it has no page here). */
  externalUrl: string | null;
};

export type SearchResults = { total: number; page: number; pageSize: number; hits: SearchHit[] };

const DAY_MS = 86_400_000;

function publicWhere(filters: SearchFilters, now: Date): SQL {
  const parts: SQL[] = [visibleAt(now, 'd')];
  if (filters.sectionIds) {
    parts.push(
      filters.sectionIds.length ? sql`d.section_id in (${sql.join(filters.sectionIds.map((id) => sql`${id}`), sql`, `)})` : sql`0`,
    );
  }
  if (filters.from) parts.push(sql`d.published_at >= ${startOfShanghaiDay(filters.from).getTime()}`);
  if (filters.to) parts.push(sql`d.published_at < ${startOfShanghaiDay(filters.to).getTime() + DAY_MS}`);
  return sql.join(parts, sql` and `);
}

/**
 * Ranking: an exact title first, then articles whose title holds every term, then the rest;
 * newest first within each tier. Tiers, not bm25, because a reader of a news site expects the
 * story named in the headline and the latest report first, and because tiers need no score for
 * each of thousands of matches: the IN-subqueries are evaluated once each.
 */
function orderBy(q: ParsedQuery, sort: SearchSort): SQL {
  if (sort === 'date') return sql`d.published_at desc, d.id desc`;
  const exact = q.exactTitle
    ? sql`(d.id in (select rowid from search_title_fts where search_title_fts match ${q.exactTitle})) desc,`
    : sql``;
  return sql`${exact} (d.id in (select rowid from search_title_fts where search_title_fts match ${q.titleMatch})) desc, d.published_at desc, d.id desc`;
}

/** One page of what readers may see (public, published by `now`) matching the query. */
export async function searchArticles(q: ParsedQuery, filters: SearchFilters = {}, now = new Date()): Promise<SearchResults> {
  const db = getDb();
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? SEARCH_PAGE_SIZE;
  const where = publicWhere(filters, now);
  const { total, ids } = await rankMatches(db, {
    q,
    where,
    unfiltered: !filters.sectionIds && !filters.from && !filters.to,
    now: now.getTime(),
    sort: filters.sort ?? 'relevance',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  if (ids.length === 0) return { total, page, pageSize, hits: [] };
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      subtitle: articles.subtitle,
      summary: articles.summary,
      body: articles.body,
      publishedAt: articles.publishedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      externalUrl: articles.externalUrl,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    hits.push({
      id: r.id,
      title: r.title,
      titleMatches: matchRanges(r.title, q.terms),
      snippet: snippet([htmlToText(r.body), r.subtitle ?? '', r.summary], q.terms),
      sectionSlug: r.sectionSlug,
      sectionName: r.sectionName,
      publishedAt: r.publishedAt ?? new Date(0),
      externalUrl: r.externalUrl,
    });
  }
  return { total, page, pageSize, hits };
}

/**
 * Ids of every article (drafts, in review, scheduled, withdrawn included) matching a staff
 * member's query, best first (same tiers as the public search, then newest), at most `limit`.
 * For the admin article list, which applies its own role and status filters to these ids.
 * An empty or punctuation-only query returns null: "no search", not "nothing found".
 */
export async function searchArticleIdsForStaff(query: string, limit = 1000): Promise<number[] | null> {
  const q = parseQuery(query);
  if (!q) return null;
  const rows = await getDb().all<{ id: number }>(
    sql`select d.id as id from (select rowid as id from search_fts where search_fts match ${q.match}) m
        join search_docs d on d.id = m.id
        order by ${orderBy(q, 'relevance').getSQL()} limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
