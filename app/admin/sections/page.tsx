import type { Metadata } from 'next';
import { listSections } from '@/db/queries/sections';
import { SectionForm, SectionRowActions } from '@/components/admin/section-forms';
import { authorizePage } from '@/lib/auth/session';
import { sectionOptions } from '@/lib/workflow/editor-props';
import { createSectionAction, deleteSectionAction, moveSectionAction, updateSectionAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '栏目' };

/** Sections (editors and up): create, rename, re-slug, reorder, move under another parent, delete. */
export default async function SectionsPage() {
  await authorizePage('editor');
  const all = await listSections();
  const options = sectionOptions(all);
  const byId = new Map(all.map((s) => [s.id, s]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">栏目</h1>
      <section aria-labelledby="new-section" className="rounded border border-line p-4">
        <h2 id="new-section" className="mb-2 text-lg font-bold">新建栏目</h2>
        <SectionForm action={createSectionAction} values={{ name: '', slug: '', parentId: null, description: '' }} parents={options} submitLabel="新建" />
      </section>
      <section aria-labelledby="all-sections">
        <h2 id="all-sections" className="mb-2 text-lg font-bold">全部栏目</h2>
        <p className="mb-3 text-sm text-muted">别名出现在网址中(/news/别名),修改后旧网址将失效。栏目下还有稿件或子栏目时不能删除。</p>
        <ul className="divide-y divide-line rounded border border-line">
          {options.map((o) => {
            const s = byId.get(o.id)!;
            const depth = o.label.length - o.label.replace(/^(— )+/, '').length;
            return (
              <li key={s.id} className="space-y-2 px-3 py-3" style={{ paddingLeft: `${0.75 + depth * 0.75}rem` }}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-bold">
                    {s.name} <span className="font-normal text-muted">/news/{s.slug}</span>
                  </p>
                  <SectionRowActions id={s.id} name={s.name} move={moveSectionAction} remove={deleteSectionAction} />
                </div>
                <SectionForm action={updateSectionAction} values={s} parents={options} submitLabel="保存修改" />
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
