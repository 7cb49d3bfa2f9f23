import type { NewsSitemapArticle, SitemapArticle, SitemapChunk } from '@/db/queries/sitemaps';
import { articlePath } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site-config';
import { isoShanghai } from '@/lib/time';
import { xmlText } from './xml';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export type IndexEntry = { path: string; lastModified?: Date | null };
export type UrlEntry = { path: string; lastModified?: Date | null; changeFrequency?: 'hourly' | 'daily' | 'weekly'; priority?: number };

export function renderSitemapIndex(entries: IndexEntry[]): string {
  const rows = entries.map((e) => {
    const lastmod = e.lastModified ? `<lastmod>${isoShanghai(e.lastModified)}</lastmod>` : '';
    return `  <sitemap><loc>${xmlText(absoluteUrl(e.path))}</loc>${lastmod}</sitemap>`;
  });
  return `${HEAD}<sitemapindex xmlns="${SITEMAP_NS}">\n${rows.join('\n')}\n</sitemapindex>\n`;
}

export function renderUrlset(entries: UrlEntry[]): string {
  const rows = entries.map((e) => {
    const parts = [`<loc>${xmlText(absoluteUrl(e.path))}</loc>`];
    if (e.lastModified) parts.push(`<lastmod>${isoShanghai(e.lastModified)}</lastmod>`);
    if (e.changeFrequency) parts.push(`<changefreq>${e.changeFrequency}</changefreq>`);
    if (e.priority !== undefined) parts.push(`<priority>${e.priority.toFixed(1)}</priority>`);
    return `  <url>${parts.join('')}</url>`;
  });
  return `${HEAD}<urlset xmlns="${SITEMAP_NS}">\n${rows.join('\n')}\n</urlset>\n`;
}

/** The article sitemap's rows: the canonical URL and when it last changed. */
export function articleUrlEntries(articles: SitemapArticle[]): UrlEntry[] {
  return articles.map((a) => ({
    path: articlePath(a.sectionSlug, a.id),
    lastModified: new Date(Math.max(a.updatedAt.getTime(), a.publishedAt.getTime())),
  }));
}

export function chunkIndexEntries(chunks: SitemapChunk[], path: (chunk: number) => string): IndexEntry[] {
  return chunks.map((c) => ({ path: path(c.chunk), lastModified: c.lastModified }));
}

/** A Google News sitemap (sitemaps.org urlset with the news: extension). */
export function renderNewsSitemap(articles: NewsSitemapArticle[]): string {
  const rows = articles.map(
    (a) => `  <url>
    <loc>${xmlText(absoluteUrl(articlePath(a.sectionSlug, a.id)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${xmlText(siteConfig.name)}</news:name>
        <news:language>zh-cn</news:language>
      </news:publication>
      <news:publication_date>${isoShanghai(a.publishedAt)}</news:publication_date>
      <news:title>${xmlText(a.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `${HEAD}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${rows.join('\n')}\n</urlset>\n`;
}
