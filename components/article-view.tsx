import type { ArticleFileItem } from '@/db/queries/article-files';
import type { Article } from '@/db/schema';
import { ArticleFiles } from './article-files';
import { ArticleTools } from './article-tools';
import { Breadcrumb, type Crumb } from './breadcrumb';
import { formatDay } from './format-date';

export type ArticleViewData = Pick<Article, 'title' | 'subtitle' | 'source' | 'body' | 'byline' | 'responsibleEditor'> & {
  publishedAt: Date;
  /** 附件 and videos (the public page passes them; absent means none). */
  files?: ArticleFileItem[];
};

/**
 * The reader's view of an article: header, body and credits. The public article page and the
 * staff preview both render this, so a preview shows exactly what readers will get. Anything
 * page-specific (structured data, 上一篇/下一篇, the view beacon) goes in `children`.
 */
export function ArticleView({ article, crumbs, children }: { article: ArticleViewData; crumbs: Crumb[]; children?: React.ReactNode }) {
  return (
    <article className="article">
      <Breadcrumb trail={crumbs} />
      <header className="article-head">
        <h1 className="article-title">{article.title}</h1>
        {article.subtitle && <p className="mt-2 text-lg text-muted">{article.subtitle}</p>}
        <p className="mt-3 text-sm text-muted">
          <span>
            发布日期:<time dateTime={article.publishedAt.toISOString()}>{formatDay(article.publishedAt)}</time>
          </span>
          <span className="ml-4">来源:{article.source}</span>
        </p>
        <div className="mt-3 flex justify-center">
          <ArticleTools bodyId="article-body" />
        </div>
      </header>
      <div id="article-body" className="article-body mt-5" data-size="medium" dangerouslySetInnerHTML={{ __html: article.body }} />
      {article.files && article.files.length > 0 && <ArticleFiles files={article.files} />}
      {article.byline.length > 0 && <p className="article-byline mt-2 text-right">(记者{article.byline.join(' ')})</p>}
      {article.responsibleEditor && <p className="mt-1 text-right text-sm text-muted">责任编辑:{article.responsibleEditor}</p>}
      {children}
    </article>
  );
}
