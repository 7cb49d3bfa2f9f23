/**
 * Security headers for every response. server.ts sets them on each response before Next (or its
 * own front door) answers; they used to be next.config headers(), but Next re-compiles every
 * header value containing ':' (a CSP is full of them) with path-to-regexp on every request,
 * ~3% of the CPU of serving a cached page. SITE_URL decides whether HSTS is sent.
 */
import { randomBytes } from 'node:crypto';

type Site = { siteUrl: string; dev: boolean };

/**
 * sha256 of the site's own fixed inline scripts: the elder-mode switch in <head>
 * (components/elder-mode-script.tsx). tests/csp.test.ts hashes the rendered script and fails
 * when this list no longer matches it.
 */
export const INLINE_SCRIPT_HASHES = ["'sha256-7qlz9GmRWCrtwH0lEdzknYOptiKzROfRt2EoixS5mRY='"];

/**
 * `nonce` (staff pages only, see staffPageHeaders) replaces 'unsafe-inline': Next then marks its
 * own inline scripts with it, and the elder-mode switch is allowed by its hash.
 */
export function contentSecurityPolicy({ https, dev, nonce }: { https: boolean; dev: boolean; nonce?: string }): string {
  // Public pages: Next inlines each page's React (RSC) payload in inline <script> tags, different
  // on every page, so no hash can name them, and a per-request nonce would force every page to
  // render dynamically and throw away the ISR cache that serves our traffic spikes. So inline
  // scripts stay allowed there. Hashes are not listed beside 'unsafe-inline': a browser that
  // understands hashes then ignores 'unsafe-inline', and Next's payload would stop running.
  // External scripts come only from this origin. 'unsafe-eval' only in `next dev` (React's dev
  // tooling uses eval), never in production.
  const inline = nonce ? [`'nonce-${nonce}'`, ...INLINE_SCRIPT_HASHES] : ["'unsafe-inline'"];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inline, ...(dev ? ["'unsafe-eval'"] : [])],
    // No onclick="…" attributes anywhere (React attaches its handlers from script): markup that
    // slipped through sanitising still cannot run script from an attribute.
    'script-src-attr': ["'none'"],
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

/** A fresh nonce for one staff page response. */
export function scriptNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Staff pages stay out of search engines whatever links to them, and, being rendered per request
 * anyway (they read the session), get a CSP without 'unsafe-inline': a per-request nonce that
 * Next puts on its inline scripts (it reads it from the request's Content-Security-Policy
 * header, which server.ts sets to the same value) plus the hashes of our own inline scripts.
 * So an injected inline script cannot run where staff sessions live. `next dev` keeps the public
 * policy: its tooling injects inline scripts of its own.
 */
export function staffPageHeaders(pathname: string, site?: Site & { nonce: string }): Record<string, string> | undefined {
  if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return undefined;
  const headers: Record<string, string> = { 'X-Robots-Tag': 'noindex, nofollow' };
  if (site && !site.dev) {
    headers['Content-Security-Policy'] = contentSecurityPolicy({ https: site.siteUrl.startsWith('https://'), dev: false, nonce: site.nonce });
  }
  return headers;
}
