import { HOT_MAX_PAGES } from '@/db/queries/hot';
import { HOME_PATH, hotPageRoute, hotPath } from '@/lib/routes';

/**
 * What a write changed, as the code that made the change reports it to refreshAfter()
 * (lib/cache/refresh.ts). Mutations say what they touched; what that makes stale is decided
 * here and nowhere else.
 */
export type ContentChange =
  /** An article saved, moved along the review chain, published by the scheduler or deleted. */
  | { kind: 'article'; id: number; publicBefore: boolean; publicAfter: boolean }
  /** A section created, renamed, re-slugged, moved, reordered or deleted. */
  | { kind: 'sections' }
  /** New view counts written: only 周热点's order depends on them. */
  | { kind: 'views' };

/**
 * What one process marks stale in its own page cache: literal paths, and layouts (a layout
 * marks every page beneath it). The same shape travels in the shared log
 * (cache_invalidations) and in the body of the internal revalidate route.
 */
export type StalePaths = { pages: string[]; layouts: string[] };

/**
 * Everything under the root layout: every page of the site. Next gives each cached page the
 * implicit tag of every layout above it, and revalidatePath('/', 'layout') expires the root
 * layout's tag, so article, section list and page N, home, 周热点 and its page N are all
 * re-rendered on their next request (tests/refresh.test.ts checks this against Next's own
 * tag derivation). That is why a content change names no article or section paths: the
 * article's page, its sections' lists under old and new slugs, the navigation and 周热点 are
 * all beneath it, whatever section(s) the article appears in. Feeds and sitemaps are rendered
 * per request and never cached.
 */
export const WHOLE_SITE: StalePaths = { pages: [], layouts: [HOME_PATH] };

/**
 * 周热点 alone, every URL of it by name (/hot and the internal /hot/page/<N> the front door
 * rewrites ?page=N to, the pages past the end included: they answer 404 until the list grows).
 * View counts are flushed every few seconds; refreshing the whole site on each flush would
 * throw away the cache of every article, so views refresh these pages and nothing else.
 */
export function hotPaths(): StalePaths {
  const pages = [hotPath()];
  for (let page = 2; page <= HOT_MAX_PAGES; page++) pages.push(hotPageRoute(page));
  return { pages, layouts: [] };
}

/** Whether readers could see the change: a draft saved or deleted before anyone saw it is not. */
export function touchesReaders(change: ContentChange): boolean {
  return change.kind !== 'article' || change.publicBefore || change.publicAfter;
}

/** Several stale sets as one, without duplicates. */
export function mergeStalePaths(...all: StalePaths[]): StalePaths {
  return {
    pages: [...new Set(all.flatMap((p) => p.pages))],
    layouts: [...new Set(all.flatMap((p) => p.layouts))],
  };
}

/** What the changes make stale in a page cache (empty when readers see none of them). */
export function stalePathsFor(changes: readonly ContentChange[]): StalePaths {
  return mergeStalePaths(
    ...changes.filter(touchesReaders).map((change) => (change.kind === 'views' ? hotPaths() : WHOLE_SITE)),
  );
}

export function isEmpty(paths: StalePaths): boolean {
  return paths.pages.length + paths.layouts.length === 0;
}
