import { sectionFeed } from '@/db/queries/feeds';
import { renderRss, RSS_CONTENT_TYPE } from '@/lib/feeds/rss';
import { xmlResponse } from '@/lib/feeds/xml';
import { sectionFeedPath, sectionPath } from '@/lib/routes';
import { siteConfig } from '@/lib/site-config';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

/** One section's feed (its sub-sections included), the latest 50. */
export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const feed = await sectionFeed(slug);
  if (!feed) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { section, items } = feed;
  return xmlResponse(
    renderRss(
      {
        title: `${section.name} - ${siteConfig.name}`,
        path: sectionPath(section.slug),
        feedPath: sectionFeedPath(section.slug),
        description: section.description || `${siteConfig.name}${section.name}栏目`,
      },
      items,
    ),
    RSS_CONTENT_TYPE,
  );
}
