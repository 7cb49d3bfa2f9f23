/**
 * Every public URL of the portal, written once: a builder for each route, and a matcher for
 * each route the front door (server.ts) must recognise before Next does. Pages, components,
 * feeds, sitemaps, structured data, the cache refresh and the front door all build and read
 * URLs here; the app/ folder names are the only other place the shapes appear, and
 * tests/routes.test.ts checks that each builder lands on a route that exists there.
 *
 * Paths only (origin-relative); lib/seo/urls.ts makes them absolute on SITE_URL.
 */

/** Section slugs are ASCII by rule (db/mutations/sections.ts), so they need no escaping. */
const NEWS = '/news';

export const HOME_PATH = '/';
export const HOT_PATH = '/hot';
export const SEARCH_PATH = '/search';
export const SITE_FEED_PATH = '/rss.xml';
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';
export const IMAGES_PATH = '/media/images';
export const LOGO_PATH = '/logo.png';
export const LOGO_SIZE = { width: 512, height: 512 } as const;
export const VIEW_BEACON_PATH = '/api/views';
export const ADMIN_PATH = '/admin';
/** Machine endpoints (auth, the view beacon, health): closed to crawlers in robots.txt. */
export const API_PATH = '/api';

/** `/path` or `/path?page=N`: page 2+ of a list is its own canonical, page 1 has no query. */
export function pagedPath(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** A section's list, page 1 by default (`/news/<slug>`, `/news/<slug>?page=N`). */
export function sectionPath(slug: string, page = 1): string {
  return pagedPath(`${NEWS}/${slug}`, page);
}

/** The cached internal route the front door hands `?page=N` (N ≥ 2) to. */
export function sectionPageRoute(slug: string, page: number): string {
  return `${NEWS}/${slug}/page/${page}`;
}

export function articlePath(sectionSlug: string, id: number): string {
  return `${NEWS}/${sectionSlug}/${id}`;
}

export function sectionFeedPath(slug: string): string {
  return `${NEWS}/${slug}/rss.xml`;
}

/** 周热点, page 1 by default. */
export function hotPath(page = 1): string {
  return pagedPath(HOT_PATH, page);
}

/** The cached internal route of 周热点 page N (N ≥ 2). */
export function hotPageRoute(page: number): string {
  return `${HOT_PATH}/page/${page}`;
}

/** `/search?…` with the given parameters, empty ones left out. */
export function searchPath(params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${SEARCH_PATH}?${text}` : SEARCH_PATH;
}

export function articleSitemapPath(chunk: number): string {
  return `/sitemaps/articles-${chunk}.xml`;
}

export function imagePath(fileName: string): string {
  return `${IMAGES_PATH}/${fileName}`;
}

export const FILES_PATH = '/media/files';
/** Staff upload attachments, videos and captions here (the body is the file itself). */
export const FILE_UPLOAD_PATH = '/api/files';

/**
 * A file attached to an article, by its attachment row and its name as readers see it
 * (`/media/files/<id>/<name>`): the row decides what is served and whether readers may have it.
 */
export function articleFilePath(articleFileId: number, fileName: string): string {
  return `${FILES_PATH}/${articleFileId}/${encodeURIComponent(fileName)}`;
}

/** A video's WebVTT captions (`/media/files/<id>/captions`; file names always have an extension). */
export function articleFileCaptionsPath(articleFileId: number): string {
  return `${FILES_PATH}/${articleFileId}/captions`;
}

export function fileUploadPath(articleId: number, fileName: string): string {
  return `${FILE_UPLOAD_PATH}?${new URLSearchParams({ article: String(articleId), name: fileName })}`;
}

// ---- Matchers: what the front door and the route handlers need to read back. ----

/** A path segment as the router sees it; null when its percent-encoding is not UTF-8. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const ARTICLE = /^\/news\/([^/]+)\/([^/]+)$/;
const SECTION = /^\/news\/([^/]+)$/;
const SECTION_PAGE = /^\/news\/([^/]+)\/page(?:\/([^/]*))?$/;
const HOT_PAGE = /^\/hot\/page(?:\/([^/]*))?$/;
const ARTICLE_SITEMAP = /^articles-(\d+)\.xml$/;

/** Names under /news/<slug>/ that are routes of their own, not article ids. */
const SECTION_SUBROUTES = new Set(['rss.xml', 'page']);

/**
 * `/news/<slug>/<id>`: the raw id segment (not yet checked to be a number) and the decoded
 * slug. Null for other paths, for the section's own sub-routes, and for an undecodable slug.
 */
export function matchArticlePath(pathname: string): { slug: string; rawId: string } | null {
  const m = ARTICLE.exec(pathname);
  if (!m || SECTION_SUBROUTES.has(m[2]!)) return null;
  const slug = decodeSegment(m[1]!);
  return slug === null ? null : { slug, rawId: m[2]! };
}

/** `/news/<slug>`: the decoded slug, or null. */
export function matchSectionPath(pathname: string): { slug: string } | null {
  const m = SECTION.exec(pathname);
  if (!m) return null;
  const slug = decodeSegment(m[1]!);
  return slug === null ? null : { slug };
}

/** The internal `/news/<slug>/page[/<N>]`: the decoded slug and the raw page segment ('' when absent). */
export function matchSectionPageRoute(pathname: string): { slug: string | null; rawPage: string } | null {
  const m = SECTION_PAGE.exec(pathname);
  return m ? { slug: decodeSegment(m[1]!), rawPage: m[2] ?? '' } : null;
}

/** The internal `/hot/page[/<N>]`: the raw page segment ('' when absent). */
export function matchHotPageRoute(pathname: string): { rawPage: string } | null {
  const m = HOT_PAGE.exec(pathname);
  return m ? { rawPage: m[1] ?? '' } : null;
}

const IMAGE_FILE = /^\/media\/images\/([a-f0-9]{64}(?:-(?:480|960|1600)\.webp|\.(?:jpg|png|webp|gif)))$/;

/** An uploaded image's own URL (a video poster, say): its stored file name, or null. */
export function matchImagePath(pathname: string): string | null {
  return IMAGE_FILE.exec(pathname)?.[1] ?? null;
}

/** `articles-<n>.xml` under /sitemaps/: the raw chunk number, or null. */
export function matchArticleSitemapName(name: string): string | null {
  return ARTICLE_SITEMAP.exec(name)?.[1] ?? null;
}

const SITEMAPS_DIR = '/sitemaps';

export type SitemapName = { kind: 'pages' } | { kind: 'news' } | { kind: 'articles'; rawChunk: string };

/** The `[name]` segment app/sitemaps/[name]/route.ts serves, read back into which sitemap it is. */
export function matchSitemapName(name: string): SitemapName | null {
  const path = `${SITEMAPS_DIR}/${name}`;
  if (path === PAGES_SITEMAP_PATH) return { kind: 'pages' };
  if (path === NEWS_SITEMAP_PATH) return { kind: 'news' };
  const rawChunk = matchArticleSitemapName(name);
  return rawChunk === null ? null : { kind: 'articles', rawChunk };
}
