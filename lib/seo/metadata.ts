import type { Metadata } from 'next';
import { articlePath, HOME_PATH, LOGO_PATH, LOGO_SIZE, pagedPath, sectionFeedPath, sectionPath, SITE_FEED_PATH } from '@/lib/routes';
import { siteConfig } from '@/lib/site-config';
import { isoShanghai, shanghaiDateTime } from '@/lib/time';
import { describeArticle } from './describe';
import { absoluteUrl, siteDomain } from './urls';

type Feed = { url: string; title: string };

/** The RSS <link rel="alternate"> entries: the site feed everywhere, a section's own feed where it applies. */
function feeds(section?: { slug: string; name: string }): Record<string, Feed[]> {
  const list: Feed[] = [{ url: SITE_FEED_PATH, title: `${siteConfig.name} 最新文章` }];
  if (section) list.push({ url: sectionFeedPath(section.slug), title: `${siteConfig.name} ${section.name}` });
  return { 'application/rss+xml': list };
}

const logoImage = { url: absoluteUrl(LOGO_PATH), ...LOGO_SIZE, alt: siteConfig.name };

/** Site-wide defaults the root layout carries (pages override title, description and canonical). */
export function rootMetadata(): Metadata {
  return {
    metadataBase: new URL(siteConfig.url),
    title: { default: siteConfig.name, template: `%s - ${siteConfig.name}` },
    description: siteConfig.description,
    applicationName: siteConfig.name,
    alternates: { types: feeds() },
    openGraph: { siteName: siteConfig.name, locale: 'zh_CN', type: 'website' },
    formatDetection: { telephone: false },
  };
}

export function homeMetadata(): Metadata {
  const url = absoluteUrl(HOME_PATH);
  return {
    title: { absolute: siteConfig.name },
    description: siteConfig.description,
    alternates: { canonical: url, types: feeds() },
    openGraph: {
      type: 'website',
      url,
      siteName: siteConfig.name,
      locale: 'zh_CN',
      title: siteConfig.name,
      description: siteConfig.description,
      images: [logoImage],
    },
    twitter: { card: 'summary', title: siteConfig.name, description: siteConfig.description, images: [logoImage.url] },
  };
}

/** A list page (section or 周热点): page 2+ gets its own title and canonical so no two URLs compete. */
export function listMetadata(input: {
  name: string;
  path: string;
  page: number;
  description: string;
  feedSection?: { slug: string; name: string };
}): Metadata {
  const title = input.page > 1 ? `${input.name}(第${input.page}页)` : input.name;
  const url = absoluteUrl(pagedPath(input.path, input.page));
  const description = input.description || `${siteConfig.name}${input.name}栏目。`;
  return {
    title,
    description,
    alternates: { canonical: url, types: feeds(input.feedSection) },
    openGraph: {
      type: 'website',
      url,
      siteName: siteConfig.name,
      locale: 'zh_CN',
      title: `${title} - ${siteConfig.name}`,
      description,
      images: [logoImage],
    },
    twitter: { card: 'summary', title: `${title} - ${siteConfig.name}`, description, images: [logoImage.url] },
  };
}

export function sectionMetadata(section: { slug: string; name: string; description: string }, page: number): Metadata {
  return listMetadata({
    name: section.name,
    path: sectionPath(section.slug),
    page,
    description: section.description,
    feedSection: section,
  });
}

export type ArticleForMetadata = {
  id: number;
  title: string;
  summary: string;
  body: string;
  source: string;
  byline: string[];
  publishedAt: Date;
  updatedAt: Date;
  coverImage: string | null;
  coverAlt: string | null;
  sectionSlug: string;
  sectionName: string;
};

/** `标题 - 栏目 - 站名`, description, canonical, Open Graph/Twitter and the government meta tags. */
export function articleMetadata(article: ArticleForMetadata): Metadata {
  const url = absoluteUrl(articlePath(article.sectionSlug, article.id));
  const description = describeArticle(article);
  const title = `${article.title} - ${article.sectionName} - ${siteConfig.name}`;
  const image = article.coverImage
    ? { url: absoluteUrl(article.coverImage), alt: article.coverAlt || article.title }
    : undefined;
  return {
    title: { absolute: title },
    description,
    authors: article.byline.map((name) => ({ name })),
    alternates: { canonical: url, types: feeds({ slug: article.sectionSlug, name: article.sectionName }) },
    openGraph: {
      type: 'article',
      url,
      siteName: siteConfig.name,
      locale: 'zh_CN',
      title: article.title,
      description,
      publishedTime: isoShanghai(article.publishedAt),
      modifiedTime: isoShanghai(Math.max(article.updatedAt.getTime(), article.publishedAt.getTime())),
      section: article.sectionName,
      authors: article.byline,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title: article.title,
      description,
      images: image ? [image.url] : undefined,
    },
    // What Chinese government site inspections look for (网站标识码 etc.), one meta tag each.
    other: {
      SiteName: siteConfig.name,
      SiteDomain: siteDomain(),
      SiteIDCode: siteConfig.siteIdCode,
      ColumnName: article.sectionName,
      ArticleTitle: article.title,
      PubDate: shanghaiDateTime(article.publishedAt),
      ContentSource: article.source,
    },
  };
}
