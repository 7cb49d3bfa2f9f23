import type { ArticleListItem } from '@/db/queries/articles';
import { EntryLink, PinMark } from './entry-link';
import { formatDay } from './format-date';

/**
 * Title-and-date rows, the way every section page of a news office lists its articles. Plain
 * links (full page loads from the cache, nothing prefetched); styles: .list in app/site.css.
 * `pinned` marks every row 置顶 (a section's pinned entries, listed apart above its newest).
 */
export function ArticleList({
  items,
  showSection = false,
  pinned = false,
  label = '文章列表',
}: {
  items: ArticleListItem[];
  showSection?: boolean;
  pinned?: boolean;
  label?: string;
}) {
  return (
    <ul aria-label={label} className={pinned ? 'list pinned' : 'list'}>
      {items.map((item) => (
        <li key={item.id}>
          <EntryLink
            entry={item}
            before={
              <>
                {pinned && <PinMark />}
                {showSection && <span className="list-tag">[{item.sectionName}]</span>}
              </>
            }
          />
          <time dateTime={item.publishedAt.toISOString()}>{formatDay(item.publishedAt)}</time>
        </li>
      ))}
    </ul>
  );
}
