import type Database from 'better-sqlite3';
import { invalidationsAfter, lastInvalidationBefore } from '@/db/queries/cache-invalidations';
import { type AffectedPaths, mergeAffectedPaths } from '@/lib/cache-tags';
import { postInternal } from '@/lib/scheduler/scheduler';
import { processOrigin } from './process-origin';

/** The internal route that revalidates pages in this process only (app/api/internal/revalidate). */
export const REVALIDATE_PATH = '/api/internal/revalidate';

/**
 * How far back a starting process replays the log: the longest revalidate time of a cached page
 * (articles, 1 h). Its cache files on disk may have been written before those changes.
 */
export const REPLAY_MS = 60 * 60 * 1000;

/** Revalidates `paths` in this process through its internal route; false when that failed (retried). */
export async function revalidateInThisProcess(paths: AffectedPaths): Promise<boolean> {
  try {
    const response = await postInternal(REVALIDATE_PATH, paths);
    // No scheduler, no secret: nothing can reach the route, and retrying would not change that.
    if (!response) return true;
    if (!response.ok) console.error(`[cache] 重新验证失败: ${response.status}`);
    return response.ok;
  } catch (error) {
    // Typically the server is not listening yet right after start-up.
    console.error('[cache] 重新验证失败,稍后重试:', error instanceof Error ? error.message : error);
    return false;
  }
}

export type Follower = { stop(): void; check(): Promise<void> };

/**
 * Several portal processes share one database but each has its own page cache. Every write
 * logs what it revalidated (lib/workflow/revalidate.ts); each process follows the log and
 * revalidates the same pages in its own cache, so an edit, a publication or a withdrawal made
 * through one process reaches readers of every process within `everyMs`. PRAGMA data_version
 * moves only when another connection commits, so an idle tick is one pragma read.
 */
export function followOtherProcesses(
  sqlite: Database.Database,
  { everyMs = 2_000, apply = revalidateInThisProcess, origin = processOrigin(), now = () => new Date() } = {},
): Follower {
  let seen: number | undefined;
  let lastId: number | undefined;
  let pending: AffectedPaths | undefined;
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
      const merged = mergeAffectedPaths(...(pending ? [pending] : []), ...changes);
      if (merged.pages.length + merged.layouts.length === 0) {
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
