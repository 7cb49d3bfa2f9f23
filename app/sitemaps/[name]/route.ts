import { articleSitemapEntries, newestPublication, newsSitemapEntries, sectionsWithLastPublication } from '@/db/queries/sitemaps';
import { articleUrlEntries, renderNewsSitemap, renderUrlset, XML_CONTENT_TYPE } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';
import { parsePositiveId } from '@/lib/params';
import { HOME_PATH, hotPath, matchSitemapName, sectionPath } from '@/lib/routes';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ name: string }> };

/** /sitemaps/pages.xml, /sitemaps/articles-<n>.xml and /sitemaps/news.xml. */
export async function GET(_request: Request, { params }: Context) {
  const sitemap = matchSitemapName((await params).name);
  const now = new Date();
  if (sitemap?.kind === 'pages') {
    const [newest, sections] = await Promise.all([newestPublication(now), sectionsWithLastPublication(now)]);
    return xmlResponse(
      renderUrlset([
        { path: HOME_PATH, lastModified: newest, changeFrequency: 'hourly', priority: 1 },
        ...sections.map((s) => ({ path: sectionPath(s.slug), lastModified: s.lastModified, changeFrequency: 'hourly' as const, priority: 0.8 })),
        { path: hotPath(), changeFrequency: 'daily', priority: 0.5 },
      ]),
      XML_CONTENT_TYPE,
    );
  }
  if (sitemap?.kind === 'news') return xmlResponse(renderNewsSitemap(await newsSitemapEntries(now)), XML_CONTENT_TYPE);
  const chunk = sitemap?.kind === 'articles' ? parsePositiveId(sitemap.rawChunk) : null;
  if (chunk !== null) {
    const entries = await articleSitemapEntries(chunk, now);
    // An empty urlset is invalid sitemap XML; a chunk without visible articles does not exist.
    if (entries.length > 0) return xmlResponse(renderUrlset(articleUrlEntries(entries)), XML_CONTENT_TYPE);
  }
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
