import { NextResponse, type NextRequest } from 'next/server';

/**
 * A path whose percent-encoding is not valid UTF-8 (`/news/%ff`) makes Next's dynamic-route
 * matcher throw a DecodeError; Next then looks for a /400 page the App Router does not have
 * and answers a bare 500. Catch it first: APIs get a JSON 400, pages the site's 404 page
 * (rewritten to a path no route matches). proxy.ts runs it for the paths with dynamic segments
 * (/news, /sitemaps, /media, /api/auth); it costs one string scan when there is no "%".
 */
/**
 * The site's 404 page without reaching any route: '/_not-found-page' matches nothing (folders
 * starting with _ are private in the App Router), so Next renders the root not-found page,
 * uncached.
 */
export function rewriteToNotFound(requestUrl: string): NextResponse {
  return NextResponse.rewrite(new URL('/_not-found-page', requestUrl));
}

export function malformedUrlResponse(request: NextRequest): NextResponse | undefined {
  const { pathname } = request.nextUrl;
  if (isBogusArticlePath(pathname)) return rewriteToNotFound(request.url);
  if (!pathname.includes('%')) return undefined;
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json({ error: 'malformed URL' }, { status: 400, headers: { 'Cache-Control': 'private, no-store' } });
    }
    return rewriteToNotFound(request.url);
  }
}


const ARTICLE_SHAPE = /^\/news\/[^/]+\/([^/]+)$/;
const ARTICLE_ID = /^[1-9]\d{0,14}$/;

/**
 * /news/<slug>/<id> is an ISR route with dynamicParams: Next renders any id on first request
 * and writes the result, 404s included, to its cache on disk. Ids that cannot be an article
 * (`-1`, `1e309`, `..%2f`, 10 KB of x) would let anyone fill the disk with cached 404s, so
 * they get the 404 page without reaching the route. Real sub-routes (rss.xml) pass.
 */
function isBogusArticlePath(pathname: string): boolean {
  const match = ARTICLE_SHAPE.exec(pathname);
  if (!match) return false;
  const id = match[1]!;
  return id !== 'rss.xml' && !ARTICLE_ID.test(id);
}
