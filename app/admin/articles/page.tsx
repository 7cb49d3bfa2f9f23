import type { Metadata } from 'next';
import Link from 'next/link';
import { ADMIN_PAGE_SIZE, type AdminArticleFilter, listAdminArticles, listStaff } from '@/db/queries/admin-articles';
import { listSections } from '@/db/queries/sections';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/db/schema';
import { ArticleTable } from '@/components/admin/article-table';
import { Pagination } from '@/components/pagination';
import { authorizePage } from '@/lib/auth/session';
import { parsePage, parsePositiveId } from '@/lib/params';
import { STATUS_LABELS } from '@/lib/workflow/transitions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '文章' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AdminArticlesPage({ searchParams }: Props) {
  await authorizePage('reporter');
  const sp = await searchParams;
  const page = parsePage(one(sp.page)) ?? 1;
  const status = one(sp.status);
  const filter: AdminArticleFilter = {
    status: ARTICLE_STATUSES.includes(status as ArticleStatus) ? (status as ArticleStatus) : undefined,
    sectionId: parsePositiveId(one(sp.section)) ?? undefined,
    authorId: parsePositiveId(one(sp.author)) ?? undefined,
    q: one(sp.q)?.slice(0, 100),
  };
  const [{ rows, total }, sections, staff] = await Promise.all([listAdminArticles(filter, page), listSections(), listStaff()]);
  const totalPages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const query: Record<string, string> = {};
  if (filter.status) query.status = filter.status;
  if (filter.sectionId) query.section = String(filter.sectionId);
  if (filter.authorId) query.author = String(filter.authorId);
  if (filter.q) query.q = filter.q;
  const control = 'rounded border border-line px-2 py-1.5';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">文章</h1>
        <Link href="/admin/articles/new" className="rounded bg-brand px-4 py-2 font-bold text-white hover:text-white">
          写新稿件
        </Link>
      </div>
      {one(sp.deleted) === '1' && <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm">稿件已删除。</p>}
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="筛选文章">
        <label className="flex flex-col">
          搜索标题或正文
          <input name="q" defaultValue={filter.q ?? ''} className={control} />
        </label>
        <label className="flex flex-col">
          状态
          <select name="status" defaultValue={filter.status ?? ''} className={control}>
            <option value="">全部</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          栏目
          <select name="section" defaultValue={filter.sectionId ?? ''} className={control}>
            <option value="">全部</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          作者
          <select name="author" defaultValue={filter.authorId ?? ''} className={control}>
            <option value="">全部</option>
            {staff.map((u) => (
              <option key={u.id} value={u.id}>{u.displayName}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-bold text-white">筛选</button>
        <Link href="/admin/articles" className="py-1.5 text-muted">清除</Link>
      </form>
      <p className="text-sm text-muted">共 {total} 篇</p>
      <ArticleTable rows={rows} caption="文章列表" />
      <Pagination basePath="/admin/articles" page={Math.min(page, totalPages)} totalPages={totalPages} query={query} />
    </div>
  );
}
