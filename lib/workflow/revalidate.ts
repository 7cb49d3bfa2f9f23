import { revalidatePath } from 'next/cache';
import { getSectionTrail } from '@/db/queries/sections';
import { type AffectedPaths, mergeAffectedPaths, pathsAffectedByArticle, pathsAffectedBySections } from '@/lib/cache-tags';

/**
 * Applies what lib/cache-tags.ts says a change makes stale. Must run inside a request
 * (server action or route handler): Next only accepts revalidatePath there, which is why the
 * scheduler reaches it through an internal route rather than calling it from its timer.
 */
export function revalidatePaths(paths: AffectedPaths): void {
  for (const page of paths.pages) revalidatePath(page);
  for (const layout of paths.layouts) revalidatePath(layout, 'layout');
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
  revalidatePaths(mergeAffectedPaths(...parts));
}

export function revalidateSections(slugs: string[]): void {
  revalidatePaths(pathsAffectedBySections(slugs));
}
