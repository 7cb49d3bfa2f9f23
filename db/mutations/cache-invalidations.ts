import { lt } from 'drizzle-orm';
import type { StalePaths } from '@/lib/cache/content-change';
import { getDb } from '../client';
import { cacheInvalidations } from '../schema';

/** How long entries stay in the log: far beyond the longest revalidate time of a cached page (1 h). */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Logs what `origin` (a portal process) made stale, for the other processes; prunes old entries. */
export async function recordInvalidation(paths: StalePaths, origin: string, at = new Date()): Promise<void> {
  const db = getDb();
  await db.insert(cacheInvalidations).values({ at, origin, pages: paths.pages, layouts: paths.layouts });
  await db.delete(cacheInvalidations).where(lt(cacheInvalidations.at, new Date(at.getTime() - KEEP_MS)));
}
