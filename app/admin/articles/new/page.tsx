import type { Metadata } from 'next';
import { listSections } from '@/db/queries/sections';
import { ArticleEditor } from '@/components/admin/article-editor';
import { authorizePage } from '@/lib/auth/session';
import { defaultPublishAtLocal, newEditorArticle, sectionOptions } from '@/lib/workflow/editor-props';
import { workflowForRole } from '../workflow-map';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '写新稿件' };

export default async function NewArticlePage() {
  const user = await authorizePage('reporter');
  const sections = sectionOptions(await listSections());
  const article = newEditorArticle(user, sections[0]?.id ?? 0);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">写新稿件</h1>
      <ArticleEditor
        article={article}
        sections={sections}
        actor={{ id: user.id, role: user.role }}
        authorId={user.id}
        workflow={workflowForRole(user.role)}
        defaultPublishAt={defaultPublishAtLocal()}
      />
    </div>
  );
}
