import type Database from 'better-sqlite3';
import { refreshAfter } from '@/lib/cache/refresh';

/**
 * 周热点 (/hot) is served from the cache like every other list; after this process writes view
 * counts (ViewBuffer.onFlushed, every few seconds at most) it reports them like any other change,
 * and refreshAfter renders the list afresh on the next request. So /hot costs one render per
 * flush instead of one per reader. Needs the scheduler's per-process secret (the refresh goes
 * through an internal route); without a running scheduler the pages refresh on their revalidate
 * time (5 min).
 */
export function refreshHotList(): void {
  void refreshAfter({ kind: 'views' });
}

/**
 * Counts written by another process reach this process's /hot within `everyMs`. Kept beside the
 * shared log because it covers what the log cannot: scripts/views-server.ts (the beacon behind
 * nginx) writes counts without ever writing the log, and view flushes are not logged at all
 * (one log row every few seconds per process). PRAGMA data_version moves whenever another
 * connection commits, so one cheap read a minute tells whether anything changed
 * (tests/view-buffer.test.ts).
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
