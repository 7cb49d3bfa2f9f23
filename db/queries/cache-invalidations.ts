import { asc, desc, gt, lt } from 'drizzle-orm';
import type { StalePaths } from '@/lib/cache/content-change';
import { getDb } from '../client';
import { cacheInvalidations } from '../schema';

/** Log entries after `afterId` that other processes wrote (oldest first), and the newest id read. */
export async function invalidationsAfter(afterId: number, origin: string): Promise<{ lastId: number; changes: StalePaths[] }> {
  const rows = await getDb()
    .select()
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, afterId))
    .orderBy(asc(cacheInvalidations.id));
  return {
    lastId: rows.at(-1)?.id ?? afterId,
    changes: rows.filter((r) => r.origin !== origin).map((r) => ({ pages: r.pages, layouts: r.layouts })),
  };
}

/** The newest log entry written before `moment` (0 when none): entries after it are newer. */
export async function lastInvalidationBefore(moment: Date): Promise<number> {
  const [row] = await getDb()
    .select({ id: cacheInvalidations.id })
    .from(cacheInvalidations)
    .where(lt(cacheInvalidations.at, moment))
    .orderBy(desc(cacheInvalidations.id))
    .limit(1);
  return row?.id ?? 0;
}
