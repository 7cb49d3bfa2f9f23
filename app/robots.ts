import type { MetadataRoute } from 'next';
import { ADMIN_PATH, API_PATH, HOME_PATH, SITEMAP_INDEX_PATH } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';

/** Public pages open to every crawler; staff pages and machine endpoints closed; the sitemap index named. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: HOME_PATH, disallow: [ADMIN_PATH, API_PATH] }],
    sitemap: absoluteUrl(SITEMAP_INDEX_PATH),
  };
}
