import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { adjacentArticles, getPublicArticle } from '@/db/queries/articles';
import { getSectionTrail } from '@/db/queries/sections';
import { ArticleView } from '@/components/article-view';
import { ViewBeacon } from '@/components/view-beacon';
import { JsonLd } from '@/components/json-ld';
import { parsePositiveId } from '@/lib/params';
import { articleMetadata } from '@/lib/seo/metadata';
import { breadcrumbJsonLd } from '@/lib/structured-data/breadcrumb';
import { newsArticleJsonLd } from '@/lib/structured-data/news-article';

// Rendered on first request, then served from the cache until publishing revalidates it.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; id: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; id: string }> };

// generateMetadata and the page read the same row once per render.
const loadArticle = cache(async (slug: string, rawId: string) => {
  const id = parsePositiveId(rawId);
  const article = id === null ? undefined : await getPublicArticle(id);
  return article && article.sectionSlug === slug ? article : undefined;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const article = await loadArticle(slug, id);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { slug, id: rawId } = await params;
  const article = await loadArticle(slug, rawId);
  if (!article) notFound();

  const [trail, adjacent] = await Promise.all([getSectionTrail(article.sectionId), adjacentArticles(article)]);
  const crumbs = trail.map((s) => ({ name: s.name, href: `/news/${s.slug}` }));

  return (
    // ArticleView is shared with the staff preview, so a preview shows exactly this page.
    <ArticleView article={article} crumbs={crumbs}>
      <JsonLd data={newsArticleJsonLd(article)} />
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <nav aria-label="上下篇" className="no-print mt-8 space-y-2 border-t border-line pt-4 text-[15px]">
        <p>
          <span className="text-muted">上一篇:</span>
          {adjacent.previous ? (
            <a href={`/news/${adjacent.previous.sectionSlug}/${adjacent.previous.id}`}>{adjacent.previous.title}</a>
          ) : (
            <span className="text-muted">没有了</span>
          )}
        </p>
        <p>
          <span className="text-muted">下一篇:</span>
          {adjacent.next ? (
            <a href={`/news/${adjacent.next.sectionSlug}/${adjacent.next.id}`}>{adjacent.next.title}</a>
          ) : (
            <span className="text-muted">没有了</span>
          )}
        </p>
      </nav>
      <ViewBeacon articleId={article.id} />
    </ArticleView>
  );
}
