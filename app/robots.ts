import type { MetadataRoute } from 'next';
import { absoluteUrl, SITEMAP_INDEX_PATH } from '@/lib/seo/urls';

/** Public pages open to every crawler; staff pages and machine endpoints closed; the sitemap index named. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api'] }],
    sitemap: absoluteUrl(SITEMAP_INDEX_PATH),
  };
}
