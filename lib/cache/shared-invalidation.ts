import type Database from 'better-sqlite3';
import { invalidationsAfter, lastInvalidationBefore } from '@/db/queries/cache-invalidations';
import { type StalePaths, isEmpty, mergeStalePaths } from './content-change';
import { processOrigin } from './process-origin';
import { markStaleViaRoute } from './refresh';

/**
 * How far back a starting process replays the log: the longest revalidate time of a cached page
 * (articles, 1 h). Its cache files on disk may have been written before those changes.
 */
export const REPLAY_MS = 60 * 60 * 1000;

export type Follower = { stop(): void; check(): Promise<void> };

/**
 * Several portal processes share one database but each has its own page cache. Every write
 * logs what it made stale (refreshAfter, lib/cache/refresh.ts); each process follows the log
 * and marks the same pages stale in its own cache, so an edit, a publication (scheduled ones
 * included: the process whose timer flipped them logs them), a withdrawal or a section change
 * made through one process reaches readers of every process within `everyMs`. PRAGMA data_version
 * moves only when another connection commits, so an idle tick is one pragma read.
 */
export function followOtherProcesses(
  sqlite: Database.Database,
  { everyMs = 2_000, apply = markStaleViaRoute, origin = processOrigin(), now = () => new Date() } = {},
): Follower {
  let seen: number | undefined;
  let lastId: number | undefined;
  let pending: StalePaths | undefined;
  let running = false;

  async function check(): Promise<void> {
    if (running) return;
    running = true;
    try {
      const version = sqlite.pragma('data_version', { simple: true }) as number;
      if (version === seen && !pending) return;
      lastId ??= await lastInvalidationBefore(new Date(now().getTime() - REPLAY_MS));
      const { lastId: newest, changes } = await invalidationsAfter(lastId, origin);
      lastId = newest;
      seen = version;
      const merged = mergeStalePaths(...(pending ? [pending] : []), ...changes);
      if (isEmpty(merged)) {
        pending = undefined;
        return;
      }
      pending = (await apply(merged)) ? undefined : merged;
    } catch (error) {
      console.error('[cache] 读取共享失效记录失败:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
