import { articleSitemapChunks, newestPublication } from '@/db/queries/sitemaps';
import { chunkIndexEntries, renderSitemapIndex, XML_CONTENT_TYPE } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';
import { articleSitemapPath, NEWS_SITEMAP_PATH, PAGES_SITEMAP_PATH } from '@/lib/routes';

// Rendered per request so publishing and withdrawal show at once; CDNs cache it briefly.
export const dynamic = 'force-dynamic';

/** The sitemap index robots.txt names: the pages sitemap, the article sitemaps, the Google News sitemap. */
export async function GET() {
  const now = new Date();
  const [chunks, newest] = await Promise.all([articleSitemapChunks(now), newestPublication(now)]);
  return xmlResponse(
    renderSitemapIndex([
      { path: PAGES_SITEMAP_PATH, lastModified: newest },
      ...chunkIndexEntries(chunks, articleSitemapPath),
      { path: NEWS_SITEMAP_PATH, lastModified: newest },
    ]),
    XML_CONTENT_TYPE,
  );
}
