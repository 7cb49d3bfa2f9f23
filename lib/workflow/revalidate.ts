import { revalidatePath } from 'next/cache';
import { recordInvalidation } from '@/db/mutations/cache-invalidations';
import { getSectionTrail } from '@/db/queries/sections';
import { processOrigin } from '@/lib/cache/process-origin';
import { type AffectedPaths, mergeAffectedPaths, pathsAffectedByArticle, pathsAffectedBySections } from '@/lib/cache-tags';

/**
 * Marks the pages stale in this process's cache only. Must run inside a request (server action
 * or route handler): Next only accepts revalidatePath there, which is why the scheduler and the
 * shared log reach it through an internal route rather than calling it from a timer.
 */
export function revalidateHere(paths: AffectedPaths): void {
  for (const page of paths.pages) revalidatePath(page);
  for (const layout of paths.layouts) revalidatePath(layout, 'layout');
}

/**
 * After a write: applies what lib/cache-tags.ts says it made stale here, and logs it for the
 * other portal processes on the same database, which follow the log within seconds
 * (lib/cache/shared-invalidation.ts).
 */
export async function revalidatePaths(paths: AffectedPaths): Promise<void> {
  revalidateHere(paths);
  await recordInvalidation(paths, processOrigin());
}

/** The paths of one article in one section, with every ancestor section's list. */
export async function articlePaths(articleId: number, sectionId: number): Promise<AffectedPaths> {
  const trail = await getSectionTrail(sectionId);
  const own = trail[trail.length - 1];
  if (!own) return { pages: [], layouts: [] };
  return pathsAffectedByArticle(
    trail.map((s) => s.slug),
    own.slug,
    articleId,
  );
}

/** Revalidates what an article change touched, in its old and its new section. */
export async function revalidateArticle(change: { id: number; sectionId: number; previousSectionId?: number }): Promise<void> {
  const parts = [await articlePaths(change.id, change.sectionId)];
  if (change.previousSectionId !== undefined && change.previousSectionId !== change.sectionId) {
    parts.push(await articlePaths(change.id, change.previousSectionId));
  }
  await revalidatePaths(mergeAffectedPaths(...parts));
}

export async function revalidateSections(slugs: string[]): Promise<void> {
  await revalidatePaths(pathsAffectedBySections(slugs));
}
