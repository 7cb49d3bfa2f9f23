import { type SQL, sql } from 'drizzle-orm';
import type { DB } from '../client';
import { hiddenIds as hiddenIdsAt } from '../visibility';
import type { ParsedQuery } from '@/lib/search/query';
import type { SearchSort } from '@/lib/search/params';

/**
 * Choosing the ids of one page of search results without touching every match when a query is
 * common. The costly part of a query such as 负责人 (half of all articles) is visiting its
 * matches: an FTS5 count alone takes a few ms, joining and sorting 50,000 rows by date tens.
 * So for a dense query the page is found by walking the articles newest first along an index
 * and asking FTS5 about each one (`rowid = ? AND MATCH`, a seek), which stops after ~pageSize /
 * density rows; a sparse query materialises its few matches and sorts them. Density comes from
 * the counts the page needs anyway.
 */

/**
 * Seek-walk while (rows expected to be visited × query tokens) stays under this: a seek costs
 * roughly one doclist lookup per token (phrases of common bigrams are the expensive kind).
 */
const SEEK_BUDGET = 1500;
/** Above this share of all visible articles, materialise the matches as a set and walk by date. */
const DENSE = 0.02;
/** Up to this many hidden articles, the public total is the FTS5 count minus the hidden matches. */
const HIDDEN_PROBES = 500;

type Tier = {
  /** Condition on `d` (search_docs) for membership of this tier, by per-row FTS5 seeks (walking). */
  member: SQL;
  /** The tier as a rowid source plus what else a row of it must satisfy (materialising). */
  source: SQL;
  sourceExtra: SQL;
  /** Upper bound of the tier's size (drives the walk/materialise choice). */
  estimate: number;
};

const inBody = (match: string) => sql`exists (select 1 from search_fts where search_fts.rowid = d.id and search_fts match ${match})`;
const inTitle = (match: string) =>
  sql`exists (select 1 from search_title_fts where search_title_fts.rowid = d.id and search_title_fts match ${match})`;
const notInTitle = (match: string) =>
  sql`not exists (select 1 from search_title_fts where search_title_fts.rowid = d.id and search_title_fts match ${match})`;

async function pageOfTier(
  db: DB,
  tier: Tier,
  where: SQL,
  visible: number,
  limit: number,
  offset: number,
  seekCost: number,
): Promise<number[]> {
  if (limit <= 0 || tier.estimate === 0) return [];
  const density = Math.max(tier.estimate / Math.max(visible, 1), 1e-9);
  const order = sql`order by d.published_at desc, d.id desc limit ${limit} offset ${offset}`;
  const walk = (member: SQL) =>
    db.all<{ id: number }>(sql`select d.id as id from search_docs d indexed by search_docs_public_idx where ${where} and ${member} ${order}`);
  if (((offset + limit) / density) * seekCost <= SEEK_BUDGET) return (await walk(tier.member)).map((r) => r.id);
  // Dense: one pass over the matches into a set (IN), then newest first along the index.
  if (density >= DENSE) return (await walk(sql`d.id in ${tier.source} and ${tier.sourceExtra}`)).map((r) => r.id);
  const rows = await db.all<{ id: number }>(
    sql`select d.id as id from ${tier.source} m join search_docs d on d.id = m.id where ${where} and ${tier.sourceExtra} ${order}`,
  );
  return rows.map((r) => r.id);
}

async function ftsCount(db: DB, table: 'search_fts' | 'search_title_fts', match: string): Promise<number> {
  const rows = await db.all<{ n: number }>(sql`select count(*) as n from ${sql.raw(table)} where ${sql.raw(table)} match ${match}`);
  return rows[0]?.n ?? 0;
}

export type RankInput = {
  q: ParsedQuery;
  /** Visibility and filters on `d`. */
  where: SQL;
  /** No section/date filter: the total can be derived from the FTS5 count. */
  unfiltered: boolean;
  now: number;
  sort: SearchSort;
  limit: number;
  offset: number;
};

/** The total of visible matches and the ids of the requested page, best first. */
export async function rankMatches(db: DB, input: RankInput): Promise<{ total: number; ids: number[] }> {
  const { q, where, limit, offset } = input;
  const all = await ftsCount(db, 'search_fts', q.match);
  if (all === 0) return { total: 0, ids: [] };
  const visibleRows = await db.all<{ n: number }>(sql`select count(*) as n from search_docs d where ${where}`);
  const visible = visibleRows[0]?.n ?? 0;

  // Hidden articles (drafts, withdrawn, not yet due) are usually few: find them along the index
  // first, then subtract those that match (one FTS5 seek each). Many of them: count by joining.
  const hiddenIds = hiddenIdsAt(input.now, 'search_docs');
  const hiddenRows = input.unfiltered ? await db.all<{ n: number }>(sql`select count(*) as n from (${hiddenIds})`) : [];
  const hiddenCount = hiddenRows[0]?.n ?? Infinity;
  let total: number;
  if (hiddenCount === 0) {
    total = all;
  } else if (hiddenCount <= HIDDEN_PROBES) {
    const hidden = await db.all<{ n: number }>(
      sql`with hidden(id) as materialized (${hiddenIds})
          select count(*) as n from hidden h
          where exists (select 1 from search_fts where search_fts.rowid = h.id and search_fts match ${q.match})`,
    );
    total = all - (hidden[0]?.n ?? 0);
  } else {
    const rows = await db.all<{ n: number }>(
      sql`select count(*) as n from (select rowid as id from search_fts where search_fts match ${q.match}) m join search_docs d on d.id = m.id where ${where}`,
    );
    total = rows[0]?.n ?? 0;
  }
  if (total === 0 || offset >= total) return { total, ids: [] };

  const bodySource = sql`(select rowid as id from search_fts where search_fts match ${q.match})`;
  // A prefix token (a lone CJK character) re-expands to every bigram it starts on each seek:
  // such queries never seek-walk.
  const seekCost = q.terms.some((term) => term.some((t) => t.prefix)) ? Infinity : q.terms.flat().length;
  if (input.sort === 'date') {
    return { total, ids: await pageOfTier(db, { member: inBody(q.match), source: bodySource, sourceExtra: sql`1`, estimate: total }, where, visible, limit, offset, seekCost) };
  }

  // Relevance: exact title (E), then every term in the title (T minus E), then the rest (B);
  // newest first in each. The page at `offset` is cut from that concatenation.
  const ids: number[] = [];
  let exact: number[] = [];
  if (q.exactTitle) {
    exact = (
      await db.all<{ id: number }>(
        sql`select d.id as id from (select rowid as id from search_title_fts where search_title_fts match ${q.exactTitle}) m
            join search_docs d on d.id = m.id where ${where} order by d.published_at desc, d.id desc limit 1000`,
      )
    ).map((r) => r.id);
    ids.push(...exact.slice(offset, offset + limit));
  }
  const notExact = exact.length ? sql`d.id not in (${sql.join(exact.map((id) => sql`${id}`), sql`, `)})` : sql`1`;
  const titleAll = await ftsCount(db, 'search_title_fts', q.titleMatch);
  const titleSource = sql`(select rowid as id from search_title_fts where search_title_fts match ${q.titleMatch})`;
  const titleSkip = Math.max(0, offset - exact.length);
  let titleFetched = 0;
  if (ids.length < limit && titleAll > 0) {
    const tier: Tier = {
      member: sql`${inTitle(q.titleMatch)} and ${notExact}`,
      source: titleSource,
      sourceExtra: notExact,
      estimate: titleAll,
    };
    const rows = await pageOfTier(db, tier, where, visible, limit - ids.length, titleSkip, seekCost);
    titleFetched = rows.length;
    ids.push(...rows);
  }
  if (ids.length < limit) {
    // The size of T minus E decides where B starts; known from the fetch unless it came back empty.
    let titleOnly = titleSkip + titleFetched;
    if (titleFetched === 0 && titleAll > 0) {
      const rows = await db.all<{ n: number }>(
        sql`select count(*) as n from ${titleSource} m join search_docs d on d.id = m.id where ${where} and ${notExact}`,
      );
      titleOnly = rows[0]?.n ?? 0;
    }
    const bodySkip = Math.max(0, offset - exact.length - titleOnly);
    const tier: Tier = {
      member: titleAll > 0 ? sql`${inBody(q.match)} and ${notInTitle(q.titleMatch)}` : inBody(q.match),
      source: bodySource,
      sourceExtra: titleAll > 0 ? sql`d.id not in ${titleSource}` : sql`1`,
      estimate: Math.max(total - titleAll, 1),
    };
    ids.push(...(await pageOfTier(db, tier, where, visible, limit - ids.length, bodySkip, seekCost)));
  }
  return { total, ids };
}
