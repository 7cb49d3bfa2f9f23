import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { adminProxy } from '@/lib/auth/proxy';

/**
 * The staff area's login redirect for visits without a session (the real checks live in each
 * page and action). Public URLs are checked before Next, in server.ts (lib/http/front-door.ts):
 * Next's proxy costs ~0.9 ms of CPU per request, too much for pages served from the cache.
 */
export function proxy(request: NextRequest) {
  return adminProxy(request) ?? NextResponse.next();
}

export const config = {
  matcher: ['/admin', '/admin/:path*'],
};
