/**
 * Whether a browser request comes from one of our own pages, for routes that take writes
 * outside server actions (Next checks those itself). Compared with the Host the request came in
 * on, not with request.url: under the custom server and behind nginx, request.url carries the
 * address Next was started on, not the one the browser used. A page elsewhere cannot make a
 * browser send our Host with its own Origin, so the pair is enough; SITE_URL is accepted too for
 * proxies that rewrite Host.
 */
export function isSameOriginRequest(headers: Headers, siteUrl: string | undefined = process.env.SITE_URL): boolean {
  const origin = headers.get('origin');
  // Non-browser clients send no Origin; session cookies are SameSite=Lax for the rest.
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  // "null" (sandboxed frames, some redirects) and anything not web fails to parse or lands here.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = headers.get('host')?.trim().toLowerCase();
  if (host && parsed.host === host) return true;
  if (!siteUrl) return false;
  try {
    return parsed.origin === new URL(siteUrl).origin;
  } catch {
    return false;
  }
}
