import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { articlePageData } from '@/db/queries/article-page';
import { ArticleView } from '@/components/article-view';
import { ViewBeacon } from '@/components/view-beacon';
import { JsonLd } from '@/components/json-ld';
import { parsePositiveId } from '@/lib/params';
import { articlePath, sectionPath } from '@/lib/routes';
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

/** The page's data when the id names a visible article of this section (articlePageData is memoised per request). */
async function load(slug: string, rawId: string) {
  const id = parsePositiveId(rawId);
  const data = id === null ? undefined : await articlePageData(id);
  return data && data.article.sectionSlug === slug ? data : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const data = await load(slug, id);
  return data ? articleMetadata(data.article) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { slug, id } = await params;
  const data = await load(slug, id);
  if (!data) notFound();
  const { article, trail, adjacent } = data;
  const crumbs = trail.map((s) => ({ name: s.name, href: sectionPath(s.slug) }));

  return (
    // ArticleView is shared with the staff preview, so a preview shows exactly this page.
    <ArticleView article={article} crumbs={crumbs}>
      <JsonLd data={newsArticleJsonLd(article)} />
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <nav aria-label="上下篇" className="no-print mt-8 space-y-2 border-t border-line pt-4 text-[15px]">
        <p>
          <span className="text-muted">上一篇:</span>
          {adjacent.previous ? (
            <a href={articlePath(adjacent.previous.sectionSlug, adjacent.previous.id)}>{adjacent.previous.title}</a>
          ) : (
            <span className="text-muted">没有了</span>
          )}
        </p>
        <p>
          <span className="text-muted">下一篇:</span>
          {adjacent.next ? (
            <a href={articlePath(adjacent.next.sectionSlug, adjacent.next.id)}>{adjacent.next.title}</a>
          ) : (
            <span className="text-muted">没有了</span>
          )}
        </p>
      </nav>
      <ViewBeacon articleId={article.id} />
    </ArticleView>
  );
}
