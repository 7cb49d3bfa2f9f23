import { siteConfig } from '@/lib/site-config';

/**
 * Absolute URLs on the configured SITE_URL. Which paths exist is lib/routes.ts's business; this
 * module only puts the origin in front, because canonicals, feeds, sitemaps and JSON-LD must
 * not be relative.
 */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteConfig.url}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The host crawlers and the government meta tag `SiteDomain` name. */
export function siteDomain(): string {
  return new URL(siteConfig.url).host;
}
