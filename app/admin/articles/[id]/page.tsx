import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getArticleForEdit } from '@/db/queries/admin-articles';
import { listSections } from '@/db/queries/sections';
import { ArticleEditor } from '@/components/admin/article-editor';
import { ArticleFilesPanel } from '@/components/admin/article-files-panel';
import { listArticleFiles } from '@/db/queries/article-files';
import { StatusBadge } from '@/components/admin/article-table';
import { authorizePage } from '@/lib/auth/session';
import { parsePositiveId } from '@/lib/params';
import { actionsFor, defaultPublishAtLocal, sectionOptions, toEditorArticle } from '@/lib/workflow/editor-props';
import { workflowForRole } from '../workflow-map';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '编辑稿件' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const user = await authorizePage('reporter');
  const id = parsePositiveId((await params).id);
  const article = id === null ? undefined : await getArticleForEdit(id);
  if (!article) notFound();
  const actions = actionsFor(article, user);
  const readOnly = !actions.includes('save');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">编辑稿件</h1>
        <StatusBadge status={article.status} />
        <span className="text-sm text-muted">作者:{article.authorName ?? '—'}</span>
      </div>
      {readOnly && (
        <p role="status" className="rounded border border-line bg-paper px-3 py-2 text-sm">
          您不能修改这篇稿件(记者只能修改自己的草稿),以下内容仅供查看。
        </p>
      )}
      {/* Keyed by status: after a workflow step the page re-renders with the new steps and content. */}
      <ArticleEditor
        key={`${article.id}:${article.status}`}
        article={toEditorArticle(article)}
        sections={sectionOptions(await listSections())}
        actor={{ id: user.id, role: user.role }}
        authorId={article.authorId}
        workflow={workflowForRole(user.role)}
        defaultPublishAt={defaultPublishAtLocal()}
      />
      <ArticleFilesPanel articleId={article.id} files={await listArticleFiles(article.id)} readOnly={readOnly} />
    </div>
  );
}
