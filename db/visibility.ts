import { type SQL, sql } from 'drizzle-orm';

/**
 * Who may read an article, written once. Every public read (pages, lists, feeds, sitemaps,
 * search, 周热点, the view beacon, the front door) derives its condition from here:
 * - `PUBLIC_STATUS_SQL`: the status half, stored as the generated column `is_public` so the
 *   public indexes can lead with it (db/schema.ts);
 * - `visibleAt(now)`: the Drizzle condition on `articles`;
 * - `visibleClause(alias)`: the same text for raw prepared statements, binding `@now`;
 * - `isVisibleToReaders(row, now)`: the TypeScript check.
 * The rule: a public status, a publication time that has come, and no take-down time (定时下线)
 * that has come. A further rule is added to the derivations below and nowhere else.
 *
 * This module imports nothing from db/schema.ts, which imports it for the generated column.
 */
export const PUBLIC_STATUSES = ['published', 'scheduled'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** `(status in ('published', 'scheduled'))`: the generated column's expression (migrations hold the same text). */
export const PUBLIC_STATUS_SQL = `(status in (${PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ')}))`;

/** Statuses readers can see (or will, at publishedAt): a change to such an article refreshes public pages. */
export function isPublicStatus(status: string): status is PublicStatus {
  return (PUBLIC_STATUSES as readonly string[]).includes(status);
}

export type VisibilityFields = { status: string; publishedAt: Date | number | null; unpublishAt: Date | number | null };

const ms = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

/** Whether readers may see the article at `now`. */
export function isVisibleToReaders(row: VisibilityFields, now: Date | number = Date.now()): boolean {
  if (!isPublicStatus(row.status) || row.publishedAt === null) return false;
  const at = ms(now);
  return ms(row.publishedAt) <= at && (row.unpublishAt === null || ms(row.unpublishAt) > at);
}

function columns(alias: string): { isPublic: string; publishedAt: string; unpublishAt: string } {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`visibility: bad table alias ${alias}`);
  return { isPublic: `${alias}.is_public`, publishedAt: `${alias}.published_at`, unpublishAt: `${alias}.unpublish_at` };
}

/**
 * The condition as SQL text for a raw prepared statement over `alias` (an `articles` row or a
 * `search_docs` row, which mirrors the same columns); bind `{ now: ms }` alongside any
 * positional parameters (better-sqlite3 accepts both in one call).
 */
export function visibleClause(alias = 'articles'): string {
  const c = columns(alias);
  return `(${c.isPublic} = 1 and ${c.publishedAt} <= @now and (${c.unpublishAt} is null or ${c.unpublishAt} > @now))`;
}

/** The condition as a Drizzle SQL fragment over `alias`, with `now` bound as a value. */
export function visibleAt(now: Date | number, alias = 'articles'): SQL {
  const c = columns(alias);
  const at = typeof now === 'number' ? now : now.getTime();
  const down = sql.raw(c.unpublishAt);
  return sql`(${sql.raw(c.isPublic)} = 1 and ${sql.raw(c.publishedAt)} <= ${at} and (${down} is null or ${down} > ${at}))`;
}

/**
 * The ids of `table`'s rows readers may not see at `now` (the complement of `visibleAt`), as a
 * union of disjoint index ranges, so counting them never scans the table and counts each row
 * once: not public, public without a time, public but not yet due, due but taken down. (The
 * unary `+` in the last keeps SQLite on the small unpublish_at index instead of walking every
 * public row of the (is_public, published_at) one.)
 */
export function hiddenIds(now: Date | number, table = 'articles'): SQL {
  const c = columns(table);
  const at = typeof now === 'number' ? now : now.getTime();
  const from = sql.raw(`select id from ${table} where ${c.isPublic}`);
  return sql`${from} = 0
    union all ${from} = 1 and ${sql.raw(c.publishedAt)} is null
    union all ${from} = 1 and ${sql.raw(c.publishedAt)} > ${at}
    union all ${sql.raw(`select id from ${table} where ${c.unpublishAt}`)} <= ${at} and ${sql.raw(`+${c.isPublic}`)} = 1 and ${sql.raw(`+${c.publishedAt}`)} <= ${at}`;
}

/**
 * The order every public list uses, matching the `(…, is_public, published_at)` indexes so
 * SQLite walks an index instead of sorting. `direction` is 'desc' (newest first) or 'asc'.
 */
export function publicOrder(alias = 'articles', direction: 'asc' | 'desc' = 'desc'): SQL {
  const c = columns(alias);
  return sql.raw(`${c.isPublic} ${direction}, ${c.publishedAt} ${direction}`);
}
