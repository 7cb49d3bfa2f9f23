/**
 * What a change makes stale, answered in one place. Public pages are cached (ISR); a write
 * calls `revalidatePaths(pathsAffectedBy…)` so readers see it on the next request.
 */
export const PUBLIC_LAYOUT_PATH = '/';

export function articlePath(sectionSlug: string, id: number): string {
  return `/news/${sectionSlug}/${id}`;
}

export function sectionPath(slug: string): string {
  return `/news/${slug}`;
}

/**
 * The pages an article change touches: its own page, its section and ancestors' lists, and
 * every page carrying the sidebar or the home lists (revalidating the root layout covers them).
 */
export function pathsAffectedByArticle(sectionSlugs: string[], sectionSlug: string, id: number) {
  return {
    pages: [articlePath(sectionSlug, id), ...sectionSlugs.map(sectionPath), '/hot'],
    layouts: [PUBLIC_LAYOUT_PATH],
  };
}
