import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getArticleForEdit } from '@/db/queries/admin-articles';
import { getSiteChrome } from '@/db/queries/chrome';
import { getSectionTrail } from '@/db/queries/sections';
import { ArticleView } from '@/components/article-view';
import { Sidebar } from '@/components/sidebar';
import { authorizePage } from '@/lib/auth/session';
import { parsePositiveId } from '@/lib/params';
import { sectionPath } from '@/lib/routes';
import { STATUS_LABELS } from '@/lib/workflow/transitions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** A draft (or any status) exactly as readers will see it, inside the public frame; staff only. */
export default async function PreviewArticlePage({ params }: Props) {
  await authorizePage('reporter');
  const id = parsePositiveId((await params).id);
  const article = id === null ? undefined : await getArticleForEdit(id);
  if (!article) notFound();
  const [trail, chrome] = await Promise.all([getSectionTrail(article.sectionId), getSiteChrome()]);
  return (
    <div>
      <p role="status" className="mb-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
        预览(状态:{STATUS_LABELS[article.status]},版本 {article.version})。读者目前{article.status === 'published' ? '可以' : '看不到'}这篇稿件。
        <Link href={`/admin/articles/${article.id}`} className="ml-2 underline">
          返回编辑
        </Link>
      </p>
      <div className="overflow-hidden rounded border border-line bg-paper">
        {/* The public page's column and sidebar (SiteShell's grid without a second <main> and header). */}
        <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6 px-3 py-5 sm:px-4 lg:grid-cols-[minmax(0,1fr)_300px]">
          <div className="min-w-0">
            <ArticleView
              article={{ ...article, publishedAt: article.publishedAt ?? new Date() }}
              crumbs={trail.map((s) => ({ name: s.name, href: sectionPath(s.slug) }))}
            />
          </div>
          <Sidebar boxes={chrome.sidebar} />
        </div>
      </div>
    </div>
  );
}
