import Link from 'next/link';
import type { ArticleListItem } from '@/db/queries/articles';
import { formatDay } from './format-date';

/**
 * Title-and-date rows, the way every section page of a news office lists its articles. Links do
 * not prefetch: a list page would otherwise fetch twenty article payloads nobody asked for.
 */
export function ArticleList({ items, showSection = false }: { items: ArticleListItem[]; showSection?: boolean }) {
  return (
    <ul aria-label="文章列表" className="divide-y divide-dashed divide-line">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-x-4 py-2.5 sm:flex-row sm:items-baseline sm:justify-between">
          <Link prefetch={false} href={`/news/${item.sectionSlug}/${item.id}`} className="min-w-0 text-[16px] leading-snug">
            {showSection && <span className="mr-1 text-sm text-brand">[{item.sectionName}]</span>}
            {item.title}
          </Link>
          <time dateTime={item.publishedAt.toISOString()} className="shrink-0 text-sm text-muted tabular-nums">
            {formatDay(item.publishedAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
