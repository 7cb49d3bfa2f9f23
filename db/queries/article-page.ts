import { cache } from 'react';
import type { Section } from '../schema';
import { listArticleFiles, type ArticleFileItem } from './article-files';
import { adjacentArticles, getPublicArticle, type Neighbour, type PublicArticle } from './articles';
import { getSectionTrail } from './sections';

export type ArticlePageData = {
  /** The article with its 附件 and videos, in their order. */
  article: PublicArticle & { files: ArticleFileItem[] };
  /** The article's section and its ancestors, root first. */
  trail: Section[];
  adjacent: { previous?: Neighbour; next?: Neighbour };
};

/**
 * What an article page shows inside the site frame, or undefined when readers may not see the
 * article. Memoised per request (React's cache()): generateMetadata and the page both ask for
 * it, and the row is read once (tests/article-request-statements.test.ts counts).
 */
export const articlePageData = cache(async (id: number): Promise<ArticlePageData | undefined> => {
  const article = await getPublicArticle(id);
  if (!article) return undefined;
  const [trail, adjacent, files] = await Promise.all([getSectionTrail(article.sectionId), adjacentArticles(article), listArticleFiles(article.id)]);
  return { article: { ...article, files }, trail, adjacent };
});
