import { siteConfig } from '@/lib/site-config';

/** Absolute URL on the configured SITE_URL: canonicals, feeds, sitemaps and JSON-LD must not be relative. */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteConfig.url}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The host crawlers and the government meta tag `SiteDomain` name. */
export function siteDomain(): string {
  return new URL(siteConfig.url).host;
}

/** `/path` or `/path?page=N`: page 2+ of a list is its own canonical, page 1 has no query. */
export function pagedPath(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export const SITE_FEED_PATH = '/rss.xml';
export function sectionFeedPath(slug: string): string {
  return `/news/${slug}/rss.xml`;
}
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';
export function articleSitemapPath(chunk: number): string {
  return `/sitemaps/articles-${chunk}.xml`;
}
export const LOGO_PATH = '/logo.png';
export const LOGO_SIZE = { width: 512, height: 512 } as const;
