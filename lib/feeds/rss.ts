import type { FeedItem } from '@/db/queries/feeds';
import { articlePath } from '@/lib/routes';
import { describeArticle } from '@/lib/seo/describe';
import { absoluteUrl } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site-config';
import { xmlText } from './xml';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const OFFSET_MS = 8 * 3_600_000;

/** RFC 822 date-time (RSS 2.0 pubDate) in the newsroom's zone: `Sun, 29 Nov 2026 09:58:13 +0800`. */
export function rfc822(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0800`;
}

export type Channel = { title: string; path: string; feedPath: string; description: string };

/**
 * An RSS 2.0 document of the given articles, newest first, each at its one canonical URL (its
 * home section's, also in the feed of a section it is only listed in). A 跳转/转载 entry links
 * to its external URL, as the lists do: a subscriber sees what the list shows, and the entry
 * has no page here that a link could name.
 */
export function renderRss(channel: Channel, items: FeedItem[], now = new Date()): string {
  const lastBuild = items[0]?.publishedAt ?? now;
  const entries = items.map((item) => {
    const link = item.externalUrl ?? absoluteUrl(articlePath(item.sectionSlug, item.id));
    const author = item.byline.length > 0 ? `\n      <dc:creator>${xmlText(item.byline.join(' '))}</dc:creator>` : '';
    return `    <item>
      <title>${xmlText(item.title)}</title>
      <link>${xmlText(link)}</link>
      <guid isPermaLink="true">${xmlText(link)}</guid>
      <pubDate>${rfc822(item.publishedAt)}</pubDate>
      <description>${xmlText(describeArticle(item))}</description>
      <category>${xmlText(item.sectionName)}</category>${author}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xmlText(channel.title)}</title>
    <link>${xmlText(absoluteUrl(channel.path))}</link>
    <description>${xmlText(channel.description)}</description>
    <language>zh-cn</language>
    <copyright>${xmlText(`© ${siteConfig.name} 版权所有`)}</copyright>
    <lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>
    <ttl>10</ttl>
    <atom:link href="${xmlText(absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
