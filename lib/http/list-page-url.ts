import { HOT_MAX_PAGES } from '@/db/queries/hot';
import { sectionRoute } from '@/db/queries/section-route';
import { parsePage } from '@/lib/params';
import { HOT_PATH, hotPageRoute, matchHotPageRoute, matchSectionPageRoute, matchSectionPath, sectionPageRoute } from '@/lib/routes';
import { NOT_FOUND_PAGE, type FrontDoorDecision } from './front-door-types';

/** The one `?page=` of a list URL (absent means 1); null when malformed or given twice. */
function pageParam(searchParams: URLSearchParams): number | null {
  const pages = searchParams.getAll('page');
  return pages.length > 1 ? null : parsePage(pages[0]);
}

/** A rewrite to a list's cached internal page route, keeping the request's other parameters. */
function rewriteKeepingQuery(pageRoute: string, searchParams: URLSearchParams): FrontDoorDecision {
  searchParams.delete('page');
  const query = searchParams.toString();
  return { kind: 'rewrite', url: query ? `${pageRoute}?${query}` : pageRoute };
}

/** The 404 page unless `slug` names a section whose list has a page `page`. */
function checkListPage(slug: string | null, page: number | null): FrontDoorDecision {
  if (page === null || slug === null) return NOT_FOUND_PAGE;
  return sectionRoute(slug, page).hasPage ? undefined : NOT_FOUND_PAGE;
}

/**
 * Section lists live at /news/<slug>?page=N for readers and crawlers, but a page that reads
 * searchParams is rendered on every request. Page N (N ≥ 2) is handed to Next as the internal
 * ISR route /news/<slug>/page/<N>, so every list page is served from the cache like articles are
 * and publishing revalidates it with the rest of the layout. Unknown sections, malformed page
 * numbers and pages past the end get the 404 page here, before the ISR route could cache one per
 * URL; the internal path, if anyone types it, is held to the same checks. (A list path whose
 * slug is not valid percent-encoding never gets here: malformedUrlDecision answers it first.)
 */
export function sectionPageDecision(pathname: string, search: string): FrontDoorDecision {
  const internal = matchSectionPageRoute(pathname);
  if (internal) {
    const page = parsePage(internal.rawPage);
    return checkListPage(internal.slug, page === 1 ? null : page);
  }
  const list = matchSectionPath(pathname);
  if (!list) return undefined;
  const searchParams = new URLSearchParams(search);
  const page = pageParam(searchParams);
  const refusal = checkListPage(list.slug, page);
  if (refusal || page === null || page === 1) return refusal;
  return rewriteKeepingQuery(sectionPageRoute(list.slug, page), searchParams);
}

/**
 * 周热点 the same way: /hot?page=N (2 ≤ N ≤ 50) is handed to Next as the cached /hot/page/<N>.
 * Only the page number is checked here (the list's length changes with every flush of view
 * counts); a page past the current end renders the 404 page, cached at most once per number.
 */
export function hotPageDecision(pathname: string, search: string): FrontDoorDecision {
  const internal = matchHotPageRoute(pathname);
  if (internal) {
    const page = parsePage(internal.rawPage);
    return page !== null && page >= 2 && page <= HOT_MAX_PAGES ? undefined : NOT_FOUND_PAGE;
  }
  if (pathname !== HOT_PATH) return undefined;
  const searchParams = new URLSearchParams(search);
  const page = pageParam(searchParams);
  if (page === null || page > HOT_MAX_PAGES) return NOT_FOUND_PAGE;
  return page === 1 ? undefined : rewriteKeepingQuery(hotPageRoute(page), searchParams);
}
