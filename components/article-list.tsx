import type { ArticleListItem } from '@/db/queries/articles';
import { articlePath } from '@/lib/routes';
import { formatDay } from './format-date';

/**
 * Title-and-date rows, the way every section page of a news office lists its articles. Plain
 * links (full page loads from the cache, nothing prefetched); styles: .list in app/globals.css.
 */
export function ArticleList({ items, showSection = false }: { items: ArticleListItem[]; showSection?: boolean }) {
  return (
    <ul aria-label="文章列表" className="list">
      {items.map((item) => (
        <li key={item.id}>
          <a href={articlePath(item.sectionSlug, item.id)}>
            {showSection && <span className="list-tag">[{item.sectionName}]</span>}
            {item.title}
          </a>
          <time dateTime={item.publishedAt.toISOString()}>{formatDay(item.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}
