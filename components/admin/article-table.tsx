import Link from 'next/link';
import type { AdminArticleRow } from '@/db/queries/admin-articles';
import { shanghaiDateTime } from '@/lib/time';
import { STATUS_LABELS } from '@/lib/workflow/transitions';

const STATUS_STYLE: Record<AdminArticleRow['status'], string> = {
  draft: 'bg-gray-100 text-gray-800',
  in_review: 'bg-amber-100 text-amber-900',
  scheduled: 'bg-blue-100 text-blue-900',
  published: 'bg-green-100 text-green-900',
  withdrawn: 'bg-red-100 text-red-900',
};

export function StatusBadge({ status }: { status: AdminArticleRow['status'] }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${STATUS_STYLE[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** The editors' marks of a row, as short badges after its title (头条 with its rank, 置顶 with its end). */
function EditorialMarks({ row }: { row: AdminArticleRow }) {
  const marks: Array<{ text: string; title?: string }> = [];
  if (row.headlineRank !== null) marks.push({ text: `头条${row.headlineRank}`, title: `头条,顺序 ${row.headlineRank}` });
  if (row.pinned) marks.push({ text: '置顶', title: row.pinEndsAt ? `置顶至 ${shanghaiDateTime(row.pinEndsAt)}` : '置顶' });
  if (row.recommended) marks.push({ text: '推荐' });
  if (row.slide) marks.push({ text: '幻灯' });
  if (row.externalUrl) marks.push({ text: '跳转', title: row.externalUrl });
  if (marks.length === 0) return null;
  return (
    <span className="ml-1.5 inline-flex flex-wrap gap-1 align-middle" data-testid="editorial-marks">
      {marks.map((m) => (
        <span key={m.text} title={m.title} className="rounded border border-brand px-1 text-xs whitespace-nowrap text-brand">
          {m.text}
          {m.text === '置顶' && row.pinEndsAt && <span className="sr-only">(至 {shanghaiDateTime(row.pinEndsAt)})</span>}
        </span>
      ))}
    </span>
  );
}

/** Staff article rows: title (to the editor) with its marks, status, section, author, the relevant time and any take-down time. */
export function ArticleTable({ rows, caption, timeColumn = 'updated' }: { rows: AdminArticleRow[]; caption: string; timeColumn?: 'updated' | 'published' }) {
  if (rows.length === 0) return <p className="py-3 text-sm text-muted">暂无稿件。</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-normal">标题</th>
            <th scope="col" className="py-2 pr-3 font-normal">状态</th>
            <th scope="col" className="py-2 pr-3 font-normal">栏目</th>
            <th scope="col" className="py-2 pr-3 font-normal">作者</th>
            <th scope="col" className="py-2 pr-3 font-normal">{timeColumn === 'published' ? '发布时间' : '更新时间'}</th>
            <th scope="col" className="py-2 font-normal">定时下线</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const at = timeColumn === 'published' ? r.publishedAt : r.updatedAt;
            return (
              <tr key={r.id} className="border-b border-dashed border-line">
                <td className="py-2 pr-3">
                  <Link href={`/admin/articles/${r.id}`} className="text-[15px]">
                    {r.title || '(无标题)'}
                  </Link>
                  <EditorialMarks row={r} />
                </td>
                <td className="py-2 pr-3"><StatusBadge status={r.status} /></td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.sectionName}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.authorName ?? '—'}</td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{at ? shanghaiDateTime(at) : '—'}</td>
                <td className="py-2 whitespace-nowrap tabular-nums" data-testid="unpublish-at">
                  {r.unpublishAt ? (
                    <>
                      {shanghaiDateTime(r.unpublishAt)}
                      {r.unpublishAt.getTime() <= Date.now() && <span className="ml-1 text-red-700">(已下线)</span>}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
