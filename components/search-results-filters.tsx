import type { SearchSort } from '@/lib/search/params';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';
import { SEARCH_PATH } from '@/lib/routes';

type Props = {
  q: string;
  section: string | null;
  from: string | null;
  to: string | null;
  sort: SearchSort;
  sections: Array<{ slug: string; name: string; depth: number }>;
};

const field = 'rounded border border-line bg-white px-2 py-1 text-sm';

/** The search page's own form: the query again plus section, date range and order, all GET. */
export function SearchResultsFilters({ q, section, from, to, sort, sections }: Props) {
  return (
    <form action={SEARCH_PATH} method="get" className="no-print mt-3 space-y-3 border border-line bg-paper p-3" aria-label="搜索条件">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="search-page-q" className="text-sm font-bold">
          关键词
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} className={`${field} min-w-0 flex-1`} />
        <button type="submit" className="rounded bg-brand px-4 py-1 text-sm text-white hover:bg-brand-dark">
          搜索
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1">
          栏目
          <select name="section" defaultValue={section ?? ''} className={field}>
            <option value="">全部栏目</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {'\u3000'.repeat(s.depth)}
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          起始日期
          <input type="date" name="from" defaultValue={from ?? ''} className={field} />
        </label>
        <label className="flex items-center gap-1">
          截止日期
          <input type="date" name="to" defaultValue={to ?? ''} className={field} />
        </label>
        <label className="flex items-center gap-1">
          排序
          <select name="sort" defaultValue={sort} className={field}>
            <option value="relevance">按相关度</option>
            <option value="date">按时间</option>
          </select>
        </label>
      </div>
    </form>
  );
}
