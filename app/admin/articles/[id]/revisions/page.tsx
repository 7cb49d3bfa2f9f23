import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getArticleForEdit } from '@/db/queries/admin-articles';
import { getRevision, listRevisions } from '@/db/queries/revisions';
import { RestoreRevisionForm } from '@/components/admin/restore-revision-form';
import { RevisionDiff } from '@/components/admin/revision-diff';
import { authorizePage } from '@/lib/auth/session';
import { parsePositiveId } from '@/lib/params';
import { shanghaiDateTime } from '@/lib/time';
import { diffRevision } from '@/lib/workflow/revision-diff';
import { actionsFor } from '@/lib/workflow/editor-props';
import { STATUS_LABELS } from '@/lib/workflow/transitions';
import { restoreRevisionAction } from '../../editor-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '修订记录' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await authorizePage('reporter');
  const id = parsePositiveId((await params).id);
  const article = id === null ? undefined : await getArticleForEdit(id);
  if (!article) notFound();
  const revisions = await listRevisions(article.id);
  const rawRev = (await searchParams).rev;
  const revId = parsePositiveId(Array.isArray(rawRev) ? rawRev[0] : rawRev) ?? revisions[0]?.id ?? null;
  const selected = revId === null ? undefined : await getRevision(article.id, revId);
  const canRestore = actionsFor(article, user).includes('save');

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">修订记录</h1>
      <p>
        <Link href={`/admin/articles/${article.id}`} className="underline">
          {article.title}
        </Link>
        <span className="ml-2 text-sm text-muted">当前版本 {article.version}</span>
      </p>
      {revisions.length === 0 ? (
        <p className="text-muted">还没有修订记录:稿件提交审核后的每次保存都会留下一条。</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[320px_minmax(0,1fr)]">
          <nav aria-label="修订列表">
            <ol className="divide-y divide-line rounded border border-line text-sm">
              {revisions.map((r) => (
                <li key={r.id}>
                  <Link
                    href={`/admin/articles/${article.id}/revisions?rev=${r.id}`}
                    aria-current={r.id === selected?.id ? 'true' : undefined}
                    className={`block px-3 py-2 ${r.id === selected?.id ? 'bg-paper font-bold' : ''}`}
                  >
                    <span className="tabular-nums">{shanghaiDateTime(r.createdAt)}</span> · 版本 {r.version} · {STATUS_LABELS[r.status]}
                    <span className="block text-muted">{r.editorName ?? '—'}</span>
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
          {selected && (
            <section aria-labelledby="diff-title" className="space-y-3">
              <h2 id="diff-title" className="text-lg font-bold">
                版本 {selected.version}({shanghaiDateTime(selected.createdAt)},{selected.editorName ?? '—'})与当前内容的差异
              </h2>
              <RevisionDiff sections={diffRevision(selected, article)} />
              {canRestore && <RestoreRevisionForm action={restoreRevisionAction} articleId={article.id} revisionId={selected.id} version={article.version} />}
            </section>
          )}
        </div>
      )}
    </div>
  );
}
