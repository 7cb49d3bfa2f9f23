/**
 * Security headers for every response. server.ts sets them on each response before Next (or its
 * own front door) answers; they used to be next.config headers(), but Next re-compiles every
 * header value containing ':' (a CSP is full of them) with path-to-regexp on every request,
 * ~3% of the CPU of serving a cached page. SITE_URL decides whether HSTS is sent.
 */
type Site = { siteUrl: string; dev: boolean };

export function contentSecurityPolicy({ https, dev }: { https: boolean; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // Next inlines the React (RSC) payload in inline <script> tags and the elder-mode switch
    // runs a tiny inline script in <head>. The alternative, a per-request nonce, would force
    // every page to render dynamically and throw away the ISR cache that serves our traffic
    // spikes, so inline scripts are allowed; external scripts come only from this origin.
    // 'unsafe-eval' only in `next dev` (React's dev tooling uses eval), never in production.
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Tailwind's CSS is a file, but React style={{}} props, Next's route announcer and the
    // TipTap editor set inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for tiny inline placeholders, blob: for the editor's preview of a picked image.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'media-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // Nobody frames the portal (clickjacking on the admin above all).
    'frame-ancestors': ["'none'"],
  };
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (https) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

export function everyResponseHeaders({ siteUrl, dev }: Site): Record<string, string> {
  const https = siteUrl.startsWith('https://');
  return {
    'Content-Security-Policy': contentSecurityPolicy({ https, dev }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Older browsers that ignore frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Staff pages stay out of search engines whatever links to them. */
export function staffPageHeaders(pathname: string): Record<string, string> | undefined {
  return pathname === '/admin' || pathname.startsWith('/admin/') ? { 'X-Robots-Tag': 'noindex, nofollow' } : undefined;
}
