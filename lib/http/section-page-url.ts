import { NextResponse, type NextRequest } from 'next/server';
import { PAGE_SIZE } from '@/db/queries/articles';
import { sectionRoute } from '@/db/queries/section-route';
import { parsePage } from '@/lib/params';
import { rewriteToNotFound } from './malformed-url';

const SECTION_LIST = /^\/news\/([^/]+)$/;
const INTERNAL_PAGE = /^\/news\/([^/]+)\/page(?:\/([^/]*))?$/;

/** The 404 answer unless `slug` names a section whose list has a page `page`. */
function checkListPage(requestUrl: string, rawSlug: string, page: number | null): NextResponse | undefined {
  if (page === null) return rewriteToNotFound(requestUrl);
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return rewriteToNotFound(requestUrl);
  }
  const route = sectionRoute(slug);
  if (!route.exists) return rewriteToNotFound(requestUrl);
  if (page > Math.max(1, Math.ceil(route.visibleArticles / PAGE_SIZE))) return rewriteToNotFound(requestUrl);
  return undefined;
}

/**
 * Section lists live at /news/<slug>?page=N for readers and crawlers, but a page that reads
 * searchParams is rendered on every request. The proxy maps page N (N ≥ 2) to the internal ISR
 * route /news/<slug>/page/<N>, so every list page is served from the cache like articles are and
 * publishing revalidates it with the rest of the layout. Unknown sections, malformed page numbers
 * and pages past the end get the 404 page here, before the ISR route could cache one per URL;
 * the internal path is held to the same checks (the proxy may see it again after the rewrite).
 */
export function sectionPageRewrite(request: NextRequest): NextResponse | undefined {
  const { pathname, searchParams } = request.nextUrl;
  const internal = INTERNAL_PAGE.exec(pathname);
  if (internal) {
    const page = parsePage(internal[2] ?? '');
    return checkListPage(request.url, internal[1]!, page === 1 ? null : page);
  }
  const match = SECTION_LIST.exec(pathname);
  if (!match) return undefined;
  const pages = searchParams.getAll('page');
  const page = pages.length > 1 ? null : parsePage(pages[0]);
  const refusal = checkListPage(request.url, match[1]!, page);
  if (refusal || page === 1) return refusal;
  const target = request.nextUrl.clone();
  target.pathname = `/news/${match[1]}/page/${page}`;
  target.searchParams.delete('page');
  return NextResponse.rewrite(target);
}
