import { articleUrlDecision } from '@/lib/seo/article-url';
import { type FrontDoorDecision, jsonAnswer } from './front-door-types';
import { malformedUrlDecision } from './malformed-url';
import { hotPageDecision, sectionPageDecision } from './list-page-url';

/**
 * Methods Next cannot take: it builds a Web Request for route handlers and proxied pages, and
 * undici refuses to construct one for TRACE or CONNECT, so Next would answer a bare 500. Nobody
 * needs them here (TRACE is also the old cross-site tracing vector). Methods Node's parser does
 * not know (TRACK, say) never get this far: Node answers 400 itself.
 */
const REFUSED_METHODS = new Set(['TRACE', 'CONNECT']);

/** A 405 for a method the portal never serves, before Next sees it; JSON on /api like every API answer. */
export function methodDecision(method: string | undefined, rawUrl: string): FrontDoorDecision {
  if (!method || !REFUSED_METHODS.has(method.toUpperCase())) return undefined;
  const allow = { Allow: 'GET, HEAD, POST', 'Cache-Control': 'private, no-store' };
  if (rawUrl.startsWith('/api/')) {
    const json = jsonAnswer(405, { error: 'method not allowed' });
    return { ...json, headers: { ...json.headers, ...allow } };
  }
  return { kind: 'answer', status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...allow }, body: '不支持的请求方法。\n' };
}

/**
 * The HTTP answers the portal gives before Next sees a request (server.ts): the ones an App
 * Router page cannot give (301, 410), and the 404s that must not reach an ISR route, which
 * would cache one per URL tried. They used to live in proxy.ts, but Next's proxy costs about
 * 0.9 ms of CPU per request here (it builds a Web Request and Response around every call),
 * which halved the rate at which cached article pages are served; here they cost one regular
 * expression and, for article and list URLs, one indexed read.
 *
 * Order: malformed URLs first (they would make Next's router throw), then lists (`?page=N` →
 * the cached /news/<slug>/page/<N> and /hot/page/<N>), then article URLs.
 */
export function frontDoorDecision(rawUrl: string, now = Date.now()): FrontDoorDecision {
  const target = originForm(rawUrl);
  if (target === null) return undefined;
  const decision = originFormDecision(target, now);
  // An absolute-form target reaches Next only as its path: Next would answer it with a 308 to
  // the host named in the request line, an open redirect for any client or cache in between.
  return decision ?? (target === rawUrl ? undefined : { kind: 'rewrite', url: target });
}

/**
 * The request target as origin-form ("/path?query"). HTTP/1.1 servers must also accept the
 * absolute form ("http://host/path", RFC 9112 §3.2.2), whose host is no business of ours: it
 * becomes its path. Null for anything else (asterisk form, garbage), which is Next's to refuse.
 */
export function originForm(rawUrl: string): string | null {
  if (rawUrl.startsWith('/')) return rawUrl;
  const absolute = /^https?:\/\/[^/?#]*(.*)$/i.exec(rawUrl);
  if (!absolute) return null;
  const rest = absolute[1]!;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function originFormDecision(rawUrl: string, now: number): FrontDoorDecision {
  // A leading "//" is Next's to answer (a 308 to the single-slash path, on this site).
  if (rawUrl.startsWith('//')) return undefined;
  const queryAt = rawUrl.indexOf('?');
  // Dot segments resolved the way a URL parser (and Next's router) sees the path.
  const pathname = new URL(queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt), 'http://portal.invalid').pathname;
  const search = queryAt < 0 ? '' : rawUrl.slice(queryAt);
  return (
    malformedUrlDecision(pathname) ??
    sectionPageDecision(pathname, search) ??
    hotPageDecision(pathname, search) ??
    articleUrlDecision(pathname, search, now)
  );
}
