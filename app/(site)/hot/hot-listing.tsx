import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PAGE_SIZE } from '@/db/queries/articles';
import { countWeeklyHot, HOT_MAX_PAGES, weeklyHot } from '@/db/queries/hot';
import { Breadcrumb } from '@/components/breadcrumb';
import { Pagination } from '@/components/pagination';
import { formatDay } from '@/components/format-date';
import { JsonLd } from '@/components/json-ld';
import { EntryLink } from '@/components/entry-link';
import { hotPath } from '@/lib/routes';
import { listMetadata } from '@/lib/seo/metadata';
import { breadcrumbJsonLd } from '@/lib/structured-data/breadcrumb';

export function hotListingMetadata(page: number): Metadata {
  return listMetadata({ name: '周热点', path: hotPath(), page, description: '近 7 天阅读量最高的文章。' });
}

/**
 * One page of 周热点, the most read articles of the last 7 days. Readers reach page N at
 * /hot?page=N; the front door (lib/http/list-page-url.ts) serves N ≥ 2 from the cached route
 * /hot/page/<N>, and a flush of new view counts refreshes them all (lib/views/hot-refresh.ts).
 */
export async function HotListing({ page }: { page: number }) {
  const total = await countWeeklyHot();
  const totalPages = Math.min(HOT_MAX_PAGES, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  if (page > totalPages) notFound();
  const items = await weeklyHot(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return (
    <div className="border border-line bg-white px-4 py-4 sm:px-6">
      <JsonLd data={breadcrumbJsonLd([{ name: '周热点', href: hotPath() }])} />
      <Breadcrumb trail={[{ name: '周热点', href: hotPath() }]} />
      <h1 className="mt-3 border-b-2 border-brand pb-2 text-2xl font-bold text-brand">周热点</h1>
      <p className="mt-2 text-sm text-muted">近 7 天阅读量最高的文章</p>
      {items.length === 0 ? (
        <p className="py-8 text-center text-muted">近 7 天暂无阅读数据。</p>
      ) : (
        <ol className="divide-y divide-dashed divide-line">
          {items.map((item, i) => (
            <li key={item.id} className="flex flex-col gap-x-4 py-2.5 sm:flex-row sm:items-baseline sm:justify-between">
              <span className="min-w-0">
                <span className="mr-2 inline-block w-7 text-right font-bold text-brand tabular-nums">{(page - 1) * PAGE_SIZE + i + 1}</span>
                <EntryLink entry={item} />
              </span>
              <span className="shrink-0 text-sm text-muted tabular-nums">
                {item.views} 次阅读 · <time dateTime={item.publishedAt.toISOString()}>{formatDay(item.publishedAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pagination basePath={hotPath()} page={page} totalPages={totalPages} />
    </div>
  );
}
