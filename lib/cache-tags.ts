/**
 * What a change makes stale, answered in one place. Public pages are cached (ISR); a write
 * calls `revalidatePaths(pathsAffectedBy…)` so readers see it on the next request.
 */
export const PUBLIC_LAYOUT_PATH = '/';
// Feeds (/rss.xml, /news/<slug>/rss.xml) and sitemaps (/sitemap.xml, /sitemaps/*) are rendered per
// request from indexed reads, so no write needs to revalidate them; server.ts answers 301/410 live (lib/http/front-door.ts).

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

export type AffectedPaths = { pages: string[]; layouts: string[] };

/**
 * A section created, renamed, re-slugged, moved, reordered or deleted: the navigation and the
 * home blocks are in the root layout's tree, and the section's own list under its old and new
 * slug (with its ancestors') must not keep serving a stale page.
 */
export function pathsAffectedBySections(sectionSlugs: string[]): AffectedPaths {
  return {
    pages: [...sectionSlugs.map(sectionPath), '/hot'],
    layouts: [PUBLIC_LAYOUT_PATH],
  };
}

/** Joins several changes' paths (e.g. an article moved from one section to another), without duplicates. */
export function mergeAffectedPaths(...all: AffectedPaths[]): AffectedPaths {
  return {
    pages: [...new Set(all.flatMap((a) => a.pages))],
    layouts: [...new Set(all.flatMap((a) => a.layouts))],
  };
}
