import { recordInvalidation } from '@/db/mutations/cache-invalidations';
import { postInternal } from '@/lib/scheduler/scheduler';
import { type ContentChange, type StalePaths, isEmpty, stalePathsFor } from './content-change';
import { processOrigin } from './process-origin';

/**
 * The one way to refresh after a write. Every write that readers could notice reports what it
 * changed here (lib/actions/staff-action.ts does it for staff actions; the scheduler's route for
 * go-lives; the view counter for views), and this decides the rest:
 * - this process's page cache is marked stale at once (revalidatePath);
 * - content changes are logged in cache_invalidations, which every other portal process on the
 *   same database follows within seconds (lib/cache/shared-invalidation.ts);
 * - view counts refresh 周热点 only, and are not logged: other processes notice new counts by
 *   the database's data_version (lib/views/hot-refresh.ts), which also sees counts written by
 *   scripts/views-server.ts, a process that never writes the log.
 *
 * Content changes must be reported inside a request (a server action or route handler): Next
 * accepts revalidatePath nowhere else. View counts are flushed from a timer, outside any
 * request, so they reach the cache through this process's internal revalidate route.
 */
export async function refreshAfter(...changes: ContentChange[]): Promise<void> {
  const content = changes.filter((c) => c.kind !== 'views');
  const paths = stalePathsFor(content);
  if (!isEmpty(paths)) {
    await markStaleHere(paths);
    await recordInvalidation(paths, processOrigin());
  }
  if (content.length < changes.length) refreshHotFromTimer();
}

/**
 * Marks the paths stale in this process's cache only (inside a request; see refreshAfter).
 * next/cache is loaded here, not at the top: server.ts loads this module (through the view
 * counter's 周热点 refresh) before Next has set up its request storage, and importing
 * next/cache then throws ("AsyncLocalStorage accessed in runtime where it is not available").
 */
export async function markStaleHere(paths: StalePaths): Promise<void> {
  const { revalidatePath } = await import('next/cache');
  for (const page of paths.pages) revalidatePath(page);
  for (const layout of paths.layouts) revalidatePath(layout, 'layout');
}

/** The internal route that marks paths stale in this process (app/api/internal/revalidate). */
export const REVALIDATE_ROUTE = '/api/internal/revalidate';

/** Marks `paths` stale in this process through its internal route; false when that failed (worth retrying). */
export async function markStaleViaRoute(paths: StalePaths): Promise<boolean> {
  try {
    const response = await postInternal(REVALIDATE_ROUTE, paths);
    // No scheduler, no secret: nothing can reach the route, and retrying would not change that;
    // the pages then refresh on their own revalidate time.
    if (!response) return true;
    if (!response.ok) console.error(`[cache] 重新验证失败: ${response.status}`);
    return response.ok;
  } catch (error) {
    // Typically the server is not listening yet right after start-up.
    console.error('[cache] 重新验证失败,稍后重试:', error instanceof Error ? error.message : error);
    return false;
  }
}

let hotInFlight = false;

/** One 周热点 refresh at a time: flushes come every few seconds, a refresh already asked covers them. */
function refreshHotFromTimer(): void {
  if (hotInFlight) return;
  hotInFlight = true;
  void markStaleViaRoute(stalePathsFor([{ kind: 'views' }])).finally(() => {
    hotInFlight = false;
  });
}
