import type { Metadata } from 'next';
import { searchArticles, SEARCH_PAGE_SIZE, type SearchResults as Results } from '@/db/queries/search';
import { getDescendantIds, getSectionBySlug, getSectionTree, type SectionNode } from '@/db/queries/sections';
import { Breadcrumb } from '@/components/breadcrumb';
import { Pagination } from '@/components/pagination';
import { SearchResults } from '@/components/search-results';
import { SearchResultsFilters } from '@/components/search-results-filters';
import { parseSearchParams } from '@/lib/search/params';
import { parseQuery } from '@/lib/search/query';
import { SEARCH_PATH, searchPath } from '@/lib/routes';

// Every query is different and results must reflect a withdrawal at once: never cached.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  // Result pages are endless and thin: crawlers may follow the links but must not index them.
  return { title: q ? `搜索: ${q}` : '站内搜索', robots: { index: false, follow: true } };
}

function flatten(nodes: SectionNode[], depth = 0): Array<{ slug: string; name: string; depth: number }> {
  return nodes.flatMap((n) => [{ slug: n.slug, name: n.name, depth }, ...flatten(n.children, depth + 1)]);
}

const IGNORED_NAMES: Record<string, string> = { section: '栏目', from: '起始日期', to: '截止日期', sort: '排序', page: '页码' };

export default async function SearchPage({ searchParams }: Props) {
  const params = parseSearchParams(await searchParams);
  const ignored = [...params.ignored];
  const section = params.section ? await getSectionBySlug(params.section) : undefined;
  if (params.section && !section) ignored.push('section');
  const sections = flatten(await getSectionTree());
  const query = parseQuery(params.q);

  let results: Results | null = null;
  if (query) {
    results = await searchArticles(query, {
      sectionIds: section ? await getDescendantIds(section.id) : undefined,
      from: params.from,
      to: params.to,
      sort: params.sort,
      page: params.page,
    });
  }
  const filtered = Boolean(section || params.from || params.to);
  const totalPages = results ? Math.max(1, Math.ceil(results.total / SEARCH_PAGE_SIZE)) : 1;
  const linkQuery: Record<string, string> = { q: params.q };
  if (section) linkQuery.section = section.slug;
  if (params.from) linkQuery.from = params.from;
  if (params.to) linkQuery.to = params.to;
  if (params.sort !== 'relevance') linkQuery.sort = params.sort;

  return (
    <div className="border border-line bg-white px-4 py-4 sm:px-6">
      <Breadcrumb trail={[{ name: '站内搜索', href: SEARCH_PATH }]} />
      <h1 className="mt-3 border-b-2 border-brand pb-2 text-2xl font-bold text-brand">站内搜索</h1>
      <SearchResultsFilters
        q={params.q}
        section={section?.slug ?? null}
        from={params.from}
        to={params.to}
        sort={params.sort}
        sections={sections}
      />
      {ignored.length > 0 && (
        <p role="status" className="mt-3 text-sm text-muted">
          已忽略无效的{[...new Set(ignored)].map((n) => IGNORED_NAMES[n] ?? n).join('、')}条件。
        </p>
      )}
      {!query ? (
        <div className="py-10 text-center text-muted" data-testid="search-empty">
          <p className="text-lg">请输入要搜索的关键词。</p>
          <p className="mt-2 text-sm">可搜索标题、副标题、摘要和正文,例如「龙泉」「5G」「2020年」;用引号 "…" 搜索完整短语。</p>
        </div>
      ) : results && results.total === 0 ? (
        <div className="py-10 text-center" data-testid="search-no-results">
          <p className="text-lg">没有找到与「{query.text}」相关的文章。</p>
          <ul className="mx-auto mt-3 max-w-md list-disc space-y-1 pl-6 text-left text-sm text-muted">
            <li>请检查关键词是否有错别字,或换用更短、更常用的词。</li>
            {filtered && (
              <li>
                当前限定了栏目或日期,
                <a href={searchPath({ q: params.q })} className="text-brand underline">
                  去掉筛选条件重新搜索
                </a>
                。
              </li>
            )}
            {query.terms.length > 1 && <li>关键词之间用空格分开时,文章需同时包含每个词;可减少关键词。</li>}
          </ul>
        </div>
      ) : results ? (
        <>
          <p className="mt-4 text-sm text-muted" role="status">
            找到 <strong className="text-ink tabular-nums" data-testid="search-total">{results.total}</strong> 篇与「{query.text}」相关的文章
            {totalPages > 1 && `,第 ${results.page} / ${totalPages} 页`}
          </p>
          {results.hits.length === 0 ? (
            <p className="py-8 text-center text-muted">
              没有这一页。<a href={searchPath(linkQuery)} className="text-brand underline">回到第 1 页</a>
            </p>
          ) : (
            <SearchResults hits={results.hits} />
          )}
          <Pagination basePath={SEARCH_PATH} page={Math.min(results.page, totalPages)} totalPages={totalPages} query={linkQuery} />
        </>
      ) : null}
    </div>
  );
}
