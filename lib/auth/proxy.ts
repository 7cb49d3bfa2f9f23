import { type NextRequest, NextResponse } from 'next/server';
import { LOGIN_PATH, SESSION_COOKIE } from './config';
import { loginUrl } from './return-path';

/** Request header carrying the admin path to pages (mirrors ADMIN_PATH_HEADER in session.ts). */
const ADMIN_PATH_HEADER = 'x-admin-path';

/**
 * The proxy's share of staff access, for /admin/**: a page visit without a session cookie goes
 * straight to the login page with `from`. This is a convenience, not the security check: every
 * page, action and handler runs authorizePage/authorizeAction against the database itself.
 * Only GET/HEAD are redirected; a server action POST must reach its own check and answer 401.
 */
export function adminProxy(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return null;
  const isPageVisit = request.method === 'GET' || request.method === 'HEAD';
  const isLogin = pathname === LOGIN_PATH;
  if (isPageVisit && !isLogin && !request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.redirect(new URL(loginUrl(pathname + search), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(ADMIN_PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers } });
  // Staff pages hold unpublished work and personal data: never stored by browsers or proxies.
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}
