/** Text safe inside an XML element or attribute: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Cache headers for feeds and sitemaps: always fresh from this server (they are rendered per
 * request, so publishing and withdrawal show at once), briefly cacheable by a CDN, which may
 * serve a stale copy while it refetches.
 */
export const FEED_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=600';

export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Cache-Control': FEED_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' },
  });
}
