'use server';

import { z } from 'zod';
import { createSection, deleteSection, moveSection, SLUG_PATTERN, type SectionResult, updateSection } from '@/db/mutations/sections';
import { type ActionResult, type Outcome, staffFormAction } from '@/lib/actions/staff-action';

/** Sections shape every reader's navigation: editors and above manage them (lib/auth/roles). */
const ROLE = 'editor';

export type SectionFormState = ActionResult | null;

const BAD_REQUEST = '请求无效。';
const id = z.coerce.number({ error: BAD_REQUEST }).int({ error: BAD_REQUEST }).positive({ error: BAD_REQUEST });

const fields = z.object({
  name: z.string().trim().min(1, '栏目名称不能为空。').max(40, '栏目名称不能超过 40 个字。'),
  slug: z.string().trim().regex(SLUG_PATTERN, '栏目别名只能使用小写字母 a-z、数字 0-9 和连字符 -,且不能以连字符开头或结尾(最长 40 个字符)。'),
  parentId: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  description: z.string().trim().max(200, '栏目说明不能超过 200 个字。').default(''),
});

/** A section mutation's result as the wrapper takes it: saved, audited, every reader's page refreshed. */
function saved(result: SectionResult, action: string, detail: (section: { name: string; slug: string }) => string): Outcome {
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, message: '已保存。', audit: { action, target: `section:${result.section.id}`, detail: detail(result.section) }, change: result.change };
}

const create = staffFormAction({
  role: ROLE,
  schema: fields,
  run: (input) => saved(createSection(input), 'section.create', (s) => `${s.name} (${s.slug})`),
});

const update = staffFormAction({
  role: ROLE,
  schema: fields.extend({ id }),
  run: ({ id: sectionId, ...input }) =>
    saved(updateSection(sectionId, input), 'section.update', (s) => `${s.name} (${s.slug}),上级 ${input.parentId ?? '无'}`),
});

const move = staffFormAction({
  role: ROLE,
  schema: z.object({ id, direction: z.enum(['up', 'down'], { error: BAD_REQUEST }) }),
  run: ({ id: sectionId, direction }) =>
    saved(moveSection(sectionId, direction === 'up' ? -1 : 1), 'section.update', () => (direction === 'up' ? '上移' : '下移')),
});

const remove = staffFormAction({
  role: ROLE,
  schema: z.object({ id }),
  run: ({ id: sectionId }) => saved(deleteSection(sectionId), 'section.delete', (s) => `${s.name} (${s.slug})`),
});

export async function createSectionAction(previous: SectionFormState, form: FormData): Promise<SectionFormState> {
  return create(previous, form);
}

export async function updateSectionAction(previous: SectionFormState, form: FormData): Promise<SectionFormState> {
  return update(previous, form);
}

export async function moveSectionAction(previous: SectionFormState, form: FormData): Promise<SectionFormState> {
  return move(previous, form);
}

export async function deleteSectionAction(previous: SectionFormState, form: FormData): Promise<SectionFormState> {
  return remove(previous, form);
}
