import { siteFeedItems } from '@/db/queries/feeds';
import { renderRss, RSS_CONTENT_TYPE } from '@/lib/feeds/rss';
import { xmlResponse } from '@/lib/feeds/xml';
import { HOME_PATH, SITE_FEED_PATH } from '@/lib/routes';
import { siteConfig } from '@/lib/site-config';

// Rendered per request (50 rows along an index) so a publication or withdrawal shows at once.
export const dynamic = 'force-dynamic';

export async function GET() {
  const items = await siteFeedItems();
  return xmlResponse(
    renderRss({ title: siteConfig.name, path: HOME_PATH, feedPath: SITE_FEED_PATH, description: siteConfig.description }, items),
    RSS_CONTENT_TYPE,
  );
}
