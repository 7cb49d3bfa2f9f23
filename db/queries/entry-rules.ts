import { type SQL, sql } from 'drizzle-orm';

/**
 * Two editorial rules that several reads share, written once (like db/visibility.ts for who may
 * read):
 * - a 跳转/转载 entry (external_url set) only points elsewhere: it has no article page (the front
 *   door's route read and the page's own read both refuse it, so its would-be URL is a 404), no
 *   sitemap URL and no place as anyone's 上一篇/下一篇; lists, feeds and search link out instead;
 * - 置顶 holds while `pinned` is set and its end time, if any, has not come.
 */
function column(alias: string, name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`entry-rules: bad table alias ${alias}`);
  return `${alias}.${name}`;
}

/** Whether the row has a page of its own on this site, as SQL text for raw prepared statements. */
export function ownPageClause(alias = 'articles'): string {
  return `${column(alias, 'external_url')} is null`;
}

/** The same as a Drizzle condition. */
export function hasOwnPage(alias = 'articles'): SQL {
  return sql.raw(`(${ownPageClause(alias)})`);
}

/** 置顶 in effect at `now`: pinned, with no end time or one still to come. */
export function pinActiveAt(now: Date | number, alias = 'articles'): SQL {
  const at = typeof now === 'number' ? now : now.getTime();
  const ends = sql.raw(column(alias, 'pin_ends_at'));
  return sql`(${sql.raw(column(alias, 'pinned'))} = 1 and (${ends} is null or ${ends} > ${at}))`;
}
