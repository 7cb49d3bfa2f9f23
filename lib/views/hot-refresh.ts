import type Database from 'better-sqlite3';
import { HOT_MAX_PAGES } from '@/db/queries/hot';
import { revalidateInThisProcess } from '@/lib/cache/shared-invalidation';
import type { AffectedPaths } from '@/lib/cache-tags';

/**
 * New view counts: every URL of 周热点 by name (/hot and its internal /hot/page/<N>, the pages
 * past the end of the list included, which answer 404 until the list grows). Exact and cheap.
 */
function hotListPaths(): AffectedPaths {
  const pages = ['/hot'];
  for (let page = 2; page <= HOT_MAX_PAGES; page++) pages.push(`/hot/page/${page}`);
  return { pages, layouts: [] };
}

let inFlight = false;

/**
 * 周热点 (/hot) is served from the cache like every other list; after this process writes view
 * counts (ViewBuffer.onFlushed, every few seconds at most) it asks its own server, through an
 * internal route where revalidatePath works, to render the list afresh on the next request. So
 * /hot costs one render per flush instead of one per reader. Needs the scheduler's per-process
 * secret; without a running scheduler the pages refresh on their revalidate time (5 min).
 */
export function refreshHotList(): void {
  if (inFlight) return;
  inFlight = true;
  void revalidateInThisProcess(hotListPaths()).finally(() => {
    inFlight = false;
  });
}

/**
 * Counts written by another process (scripts/views-server.ts behind nginx, a second portal
 * process) reach this process's /hot within `everyMs`: PRAGMA data_version moves whenever another
 * connection commits, so one cheap read a minute tells whether anything changed.
 */
export function refreshHotOnOtherWriters(sqlite: Database.Database, everyMs = 60_000, refresh = refreshHotList): NodeJS.Timeout {
  let seen = sqlite.pragma('data_version', { simple: true });
  const timer = setInterval(() => {
    const now = sqlite.pragma('data_version', { simple: true });
    if (now === seen) return;
    seen = now;
    refresh();
  }, everyMs);
  timer.unref();
  return timer;
}
