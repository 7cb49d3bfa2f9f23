import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pagination } from '@/components/pagination';
import { listAudit, listAuditActions } from '@/db/queries/audit';
import { AUDIT_ACTION_LABELS } from '@/lib/audit';
import { authorizePage } from '@/lib/auth/session';
import { parsePage } from '@/lib/params';
import { shanghaiDateTime, startOfShanghaiDay } from '@/lib/time';

export const metadata: Metadata = { title: '审计日志' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;
type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim().slice(0, 64) : '';
}
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await authorizePage('admin');
  const params = await searchParams;
  const page = parsePage(params.page);
  if (!page) notFound();
  const action = one(params.action);
  const actor = one(params.actor);
  const from = one(params.from);
  const to = one(params.to);
  // Dates are Shanghai calendar days; "to" includes the whole of that day.
  const filter = {
    action: action || undefined,
    actor: actor ? actor.toLowerCase() : undefined,
    from: isDay(from) ? startOfShanghaiDay(from) : undefined,
    to: isDay(to) ? new Date(startOfShanghaiDay(to).getTime() + 86_400_000) : undefined,
  };
  const [{ rows, total }, actions] = await Promise.all([listAudit(filter, page, PAGE_SIZE), listAuditActions()]);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query: Record<string, string> = {};
  if (action) query.action = action;
  if (actor) query.actor = actor;
  if (isDay(from)) query.from = from;
  if (isDay(to)) query.to = to;
  const field = 'rounded border border-gray-400 bg-white px-2 py-1.5 text-sm';
  const label = (a: string) => AUDIT_ACTION_LABELS[a] ?? a;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">审计日志</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-line p-4" aria-label="筛选审计日志">
        <label className="flex flex-col text-sm">
          操作
          <select name="action" defaultValue={action} className={field}>
            <option value="">全部操作</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          用户名
          <input name="actor" defaultValue={actor} className={field} />
        </label>
        <label className="flex flex-col text-sm">
          开始日期
          <input type="date" name="from" defaultValue={isDay(from) ? from : ''} className={field} />
        </label>
        <label className="flex flex-col text-sm">
          结束日期
          <input type="date" name="to" defaultValue={isDay(to) ? to : ''} className={field} />
        </label>
        <button type="submit" className="rounded bg-brand px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
          筛选
        </button>
      </form>
      <p className="text-sm text-muted">共 {total} 条记录,按时间从新到旧排列。</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">审计日志记录</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-2 pr-3">时间</th>
              <th scope="col" className="py-2 pr-3">用户</th>
              <th scope="col" className="py-2 pr-3">操作</th>
              <th scope="col" className="py-2 pr-3">对象</th>
              <th scope="col" className="py-2 pr-3">详情</th>
              <th scope="col" className="py-2">IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-line align-top">
                <td className="whitespace-nowrap py-2 pr-3">{shanghaiDateTime(r.at)}</td>
                <td className="py-2 pr-3">{r.actorName ?? '—'}</td>
                <td className="py-2 pr-3">{label(r.action)}</td>
                <td className="py-2 pr-3">{r.target ?? ''}</td>
                <td className="py-2 pr-3 break-all">{r.detail ?? ''}</td>
                <td className="py-2">{r.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="py-6 text-center text-muted">没有符合条件的记录。</p> : null}
      </div>
      <Pagination basePath="/admin/audit" page={page} totalPages={totalPages} query={query} />
    </div>
  );
}
