import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { sectionListPage } from '@/db/queries/section-list';
import { sectionRoute } from '@/db/queries/section-route';
import { getDescendantIds, getSectionBySlug, getSectionTrail } from '@/db/queries/sections';
import { ArticleList } from '@/components/article-list';
import { Breadcrumb } from '@/components/breadcrumb';
import { Pagination } from '@/components/pagination';
import { JsonLd } from '@/components/json-ld';
import { sectionPath } from '@/lib/routes';
import { sectionMetadata } from '@/lib/seo/metadata';
import { breadcrumbJsonLd } from '@/lib/structured-data/breadcrumb';

/**
 * One page of a section's list, newest first, page 1 led by its 置顶 entries (which the pages
 * never repeat). Articles listed here from another section link to their one URL there. Readers reach page N at /news/<slug>?page=N; the
 * front door (lib/http/list-page-url.ts) serves N ≥ 2 from the cached route /news/<slug>/page/<N>.
 */
export async function sectionListingMetadata(slug: string, page: number): Promise<Metadata> {
  const section = await getSectionBySlug(slug);
  return section ? sectionMetadata(section, page) : {};
}

export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const section = await getSectionBySlug(slug);
  // Whether page N exists is the front door's question too: one function answers both.
  if (!section || !sectionRoute(slug, page).hasPage) notFound();

  const ids = await getDescendantIds(section.id);
  const { pinned, items, totalPages } = await sectionListPage(ids, page);
  const trail = await getSectionTrail(section.id);
  const crumbs = trail.map((s) => ({ name: s.name, href: sectionPath(s.slug) }));

  return (
    <div className="border border-line bg-white px-4 py-4 sm:px-6">
      <JsonLd data={breadcrumbJsonLd(crumbs)} />
      <Breadcrumb trail={crumbs} />
      <h1 className="mt-3 border-b-2 border-brand pb-2 text-2xl font-bold text-brand">{section.name}</h1>
      {items.length + pinned.length === 0 ? (
        <p className="py-8 text-center text-muted">本栏目暂无文章。</p>
      ) : (
        <>
          {/* Apart from the newest-first list, which keeps its 20 and its order. */}
          {pinned.length > 0 && <ArticleList items={pinned} pinned label="置顶文章" showSection={ids.length > 1} />}
          <ArticleList items={items} showSection={ids.length > 1} />
        </>
      )}
      <Pagination basePath={sectionPath(section.slug)} page={page} totalPages={totalPages} />
    </div>
  );
}
