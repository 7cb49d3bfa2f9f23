import type { Metadata } from 'next';
import Link from 'next/link';
import { getDashboard, type DashboardList } from '@/db/queries/admin-articles';
import { ArticleTable } from '@/components/admin/article-table';
import { authorizePage } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '仪表盘' };

/** The newsroom's desk: my drafts, what waits for review, what is scheduled, what went out. */
export default async function AdminDashboardPage() {
  const user = await authorizePage('reporter');
  const d = await getDashboard(user.id);
  const blocks: Array<{ key: string; title: string; list: DashboardList; more: string; time?: 'published' }> = [
    { key: 'drafts', title: '我的草稿', list: d.myDrafts, more: `/admin/articles?status=draft&author=${user.id}` },
    { key: 'review', title: '待审核', list: d.inReview, more: '/admin/articles?status=in_review' },
    { key: 'scheduled', title: '定时发布', list: d.scheduled, more: '/admin/articles?status=scheduled', time: 'published' },
    { key: 'published', title: '最近发布', list: d.published, more: '/admin/articles?status=published', time: 'published' },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">仪表盘</h1>
        <Link href="/admin/articles/new" className="rounded bg-brand px-4 py-2 font-bold text-white hover:text-white">
          写新稿件
        </Link>
      </div>
      <p className="text-muted">欢迎,{user.displayName}。</p>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="稿件数量">
        {blocks.map((b) => (
          <li key={b.key} className="rounded border border-line p-3">
            <a href={`#${b.key}`} className="block">
              <span className="block text-sm text-muted">{b.title}</span>
              <span className="text-2xl font-bold tabular-nums" data-testid={`count-${b.key}`}>{b.list.total}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="grid gap-6 xl:grid-cols-2">
        {blocks.map((b) => (
          <section key={b.key} id={b.key} aria-labelledby={`${b.key}-title`} className="rounded border border-line p-4">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id={`${b.key}-title`} className="text-lg font-bold">
                {b.title}({b.list.total})
              </h2>
              <Link href={b.more} className="text-sm text-muted" aria-label={`${b.title}:查看全部`}>
                查看全部
              </Link>
            </div>
            <ArticleTable rows={b.list.rows} caption={b.title} timeColumn={b.time} />
          </section>
        ))}
      </div>
    </div>
  );
}
