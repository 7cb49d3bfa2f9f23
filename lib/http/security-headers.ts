/**
 * Security headers for every response, returned in the shape of next.config's headers().
 * They are computed when the config loads (at `next build` for production: the build stores
 * them in its routes manifest), so SITE_URL at build time decides whether HSTS is sent.
 */
export type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };

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

export function securityHeaders({ siteUrl, dev }: { siteUrl: string; dev: boolean }): HeaderRule[] {
  const https = siteUrl.startsWith('https://');
  const everywhere = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ https, dev }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // Older browsers that ignore frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
  ];
  return [
    { source: '/:path*', headers: everywhere },
    // Staff pages and machine endpoints are never stored by browsers, proxies or CDNs.
    { source: '/admin/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    { source: '/admin', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
  ];
}
