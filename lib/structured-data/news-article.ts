import { articlePath } from '@/lib/routes';
import { describeArticle } from '@/lib/seo/describe';
import { absoluteUrl } from '@/lib/seo/urls';
import { isoShanghai } from '@/lib/time';
import { publisherOrganization } from './organization';
import type { JsonLd } from './serialize';

export type ArticleForJsonLd = {
  id: number;
  title: string;
  summary: string;
  body: string;
  byline: string[];
  publishedAt: Date;
  updatedAt: Date;
  coverImage: string | null;
  sectionSlug: string;
  sectionName: string;
};

/** NewsArticle as Google's article rich results read it; dates carry the +08:00 offset. */
export function newsArticleJsonLd(article: ArticleForJsonLd): JsonLd {
  const url = absoluteUrl(articlePath(article.sectionSlug, article.id));
  const publisher = publisherOrganization();
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    description: describeArticle(article),
    inLanguage: 'zh-CN',
    datePublished: isoShanghai(article.publishedAt),
    // An article is never modified before it was published, whatever the row's clocks say.
    dateModified: isoShanghai(Math.max(article.updatedAt.getTime(), article.publishedAt.getTime())),
    articleSection: article.sectionName,
    // Staff-written stories name their reporters; agency copy has no byline, so the newsroom is the author.
    author:
      article.byline.length > 0
        ? article.byline.map((name) => ({ '@type': 'Person', name }))
        : [{ '@type': 'Organization', name: publisher.name, url: publisher.url }],
    publisher,
    ...(article.coverImage ? { image: [absoluteUrl(article.coverImage)] } : {}),
  };
}
