import { type NextRequest, NextResponse } from 'next/server';
import { adminProxy } from '@/lib/auth/proxy';
import { articleUrlResponse } from '@/lib/seo/article-url';

/**
 * Runs before the cache. Each concern keeps its logic in lib/ and adds one call here plus its
 * matcher entries; keep it cheap: article pages are served from the ISR cache at high rates.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Staff area: login redirect for visits without a session (real checks live in each page/action).
  const adminAnswer = adminProxy(request);
  if (adminAnswer) return adminAnswer;
  // 301 to the canonical article URL, 410 for a withdrawn article (one primary-key read).
  const articleAnswer = articleUrlResponse(pathname, request.url);
  if (articleAnswer) return articleAnswer;
  return NextResponse.next();
}

export const config = {
  matcher: ['/news/:slug/:id(\\d+)', '/admin', '/admin/:path*'],
};
