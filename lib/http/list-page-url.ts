import { HOT_MAX_PAGES } from '@/db/queries/hot';
import { sectionRoute } from '@/db/queries/section-route';
import { parsePage } from '@/lib/params';
import { NOT_FOUND_PAGE, type FrontDoorDecision } from './front-door-types';

const SECTION_LIST = /^\/news\/([^/]+)$/;
const INTERNAL_PAGE = /^\/news\/([^/]+)\/page(?:\/([^/]*))?$/;

/** The one `?page=` of a list URL (absent means 1); null when malformed or given twice. */
function pageParam(searchParams: URLSearchParams): number | null {
  const pages = searchParams.getAll('page');
  return pages.length > 1 ? null : parsePage(pages[0]);
}

/** `<list>/page/<N>`, the cached internal route of page N, keeping the request's other parameters. */
function pageRoute(listPath: string, page: number, searchParams: URLSearchParams): FrontDoorDecision {
  searchParams.delete('page');
  const query = searchParams.toString();
  return { kind: 'rewrite', url: `${listPath}/page/${page}${query ? `?${query}` : ''}` };
}

/** The 404 page unless `slug` names a section whose list has a page `page`. */
function checkListPage(rawSlug: string, page: number | null): FrontDoorDecision {
  if (page === null) return NOT_FOUND_PAGE;
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return NOT_FOUND_PAGE;
  }
  return sectionRoute(slug, page).hasPage ? undefined : NOT_FOUND_PAGE;
}

/**
 * Section lists live at /news/<slug>?page=N for readers and crawlers, but a page that reads
 * searchParams is rendered on every request. Page N (N ≥ 2) is handed to Next as the internal
 * ISR route /news/<slug>/page/<N>, so every list page is served from the cache like articles are
 * and publishing revalidates it with the rest of the layout. Unknown sections, malformed page
 * numbers and pages past the end get the 404 page here, before the ISR route could cache one per
 * URL; the internal path, if anyone types it, is held to the same checks.
 */
export function sectionPageDecision(pathname: string, search: string): FrontDoorDecision {
  const internal = INTERNAL_PAGE.exec(pathname);
  if (internal) {
    const page = parsePage(internal[2] ?? '');
    return checkListPage(internal[1]!, page === 1 ? null : page);
  }
  const match = SECTION_LIST.exec(pathname);
  if (!match) return undefined;
  const searchParams = new URLSearchParams(search);
  const page = pageParam(searchParams);
  const refusal = checkListPage(match[1]!, page);
  if (refusal || page === 1) return refusal;
  return pageRoute(`/news/${match[1]}`, page!, searchParams);
}

const HOT_INTERNAL_PAGE = /^\/hot\/page(?:\/([^/]*))?$/;

/**
 * 周热点 the same way: /hot?page=N (2 ≤ N ≤ 50) is handed to Next as the cached /hot/page/<N>.
 * Only the page number is checked here (the list's length changes with every flush of view
 * counts); a page past the current end renders the 404 page, cached at most once per number.
 */
export function hotPageDecision(pathname: string, search: string): FrontDoorDecision {
  const internal = HOT_INTERNAL_PAGE.exec(pathname);
  if (internal) {
    const page = parsePage(internal[1] ?? '');
    return page !== null && page >= 2 && page <= HOT_MAX_PAGES ? undefined : NOT_FOUND_PAGE;
  }
  if (pathname !== '/hot') return undefined;
  const searchParams = new URLSearchParams(search);
  const page = pageParam(searchParams);
  if (page === null || page > HOT_MAX_PAGES) return NOT_FOUND_PAGE;
  return page === 1 ? undefined : pageRoute('/hot', page, searchParams);
}
