import { type NextRequest, NextResponse } from 'next/server';
import { adminProxy } from '@/lib/auth/proxy';
import { ARTICLE_NOT_FOUND, articleUrlResponse } from '@/lib/seo/article-url';
import { malformedUrlResponse, rewriteToNotFound } from '@/lib/http/malformed-url';
import { sectionPageRewrite } from '@/lib/http/section-page-url';

/**
 * Runs before the cache. Each concern keeps its logic in lib/ and adds one call here plus its
 * matcher entries; keep it cheap: article pages are served from the ISR cache at high rates.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Invalid percent-encoding would 500 inside Next's router: answer 404/400 first (lib/http).
  const malformed = malformedUrlResponse(request);
  if (malformed) return malformed;
  // Staff area: login redirect for visits without a session (real checks live in each page/action).
  const adminAnswer = adminProxy(request);
  if (adminAnswer) return adminAnswer;
  // Section lists: ?page=N served from the cached /news/<slug>/page/<N>; bad pages 404 here.
  const sectionAnswer = sectionPageRewrite(request);
  if (sectionAnswer) return sectionAnswer;
  // 301 to the canonical article URL, 410 for a withdrawn article, 404 for an id that never
  // existed (one primary-key read).
  const articleAnswer = articleUrlResponse(pathname, request.url);
  if (articleAnswer === ARTICLE_NOT_FOUND) return rewriteToNotFound(request.url);
  if (articleAnswer) return articleAnswer;
  return NextResponse.next();
}

export const config = {
  // Literal strings: Next reads the matcher statically at build time. The last four are for
  // malformedUrlResponse (lib/http/malformed-url.ts).
  matcher: ['/news/:slug/:id(\\d+)', '/admin', '/admin/:path*', '/news/:path*', '/sitemaps/:path*', '/media/:path*', '/api/auth/:path*'],
};
