'use server';

import { z } from 'zod';
import { createSection, deleteSection, moveSection, SLUG_PATTERN, type SectionResult, updateSection } from '@/db/mutations/sections';
import { recordAudit } from '@/lib/audit';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { revalidateSections } from '@/lib/workflow/revalidate';

export type SectionFormState = { ok: boolean; message: string } | null;

const sectionSchema = z.object({
  name: z.string().trim().min(1, '栏目名称不能为空。').max(40, '栏目名称不能超过 40 个字。'),
  slug: z.string().trim().regex(SLUG_PATTERN, '栏目别名只能使用小写字母 a-z、数字 0-9 和连字符 -,且不能以连字符开头或结尾(最长 40 个字符)。'),
  parentId: z.preprocess((v) => (v === '' || v == null ? null : Number(v)), z.number().int().positive().nullable()),
  description: z.string().trim().max(200, '栏目说明不能超过 200 个字。').default(''),
});

function readForm(form: FormData) {
  return sectionSchema.safeParse({
    name: form.get('name') ?? '',
    slug: form.get('slug') ?? '',
    parentId: form.get('parentId'),
    description: form.get('description') ?? '',
  });
}

async function finish(result: SectionResult, action: string, detail: string, actor: { id: number; username: string }): Promise<SectionFormState> {
  if (!result.ok) return { ok: false, message: result.message };
  await recordAudit({ actorId: actor.id, actorName: actor.username, action, target: `section:${result.section.id}`, detail, ip: await clientIp() });
  await revalidateSections(result.affectedSlugs);
  return { ok: true, message: '已保存。' };
}

export async function createSectionAction(_prev: SectionFormState, form: FormData): Promise<SectionFormState> {
  const user = await authorizeAction('editor');
  const parsed = readForm(form);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '输入有误。' };
  const result = createSection(parsed.data);
  return finish(result, 'section.create', `${parsed.data.name} (${parsed.data.slug})`, user);
}

export async function updateSectionAction(_prev: SectionFormState, form: FormData): Promise<SectionFormState> {
  const user = await authorizeAction('editor');
  const id = Number(form.get('id'));
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, message: '请求无效。' };
  const parsed = readForm(form);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '输入有误。' };
  const result = updateSection(id, parsed.data);
  return finish(result, 'section.update', `${parsed.data.name} (${parsed.data.slug}),上级 ${parsed.data.parentId ?? '无'}`, user);
}

export async function moveSectionAction(_prev: SectionFormState, form: FormData): Promise<SectionFormState> {
  const user = await authorizeAction('editor');
  const id = Number(form.get('id'));
  const direction = form.get('direction') === 'up' ? -1 : 1;
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, message: '请求无效。' };
  return finish(moveSection(id, direction), 'section.update', direction < 0 ? '上移' : '下移', user);
}

export async function deleteSectionAction(_prev: SectionFormState, form: FormData): Promise<SectionFormState> {
  const user = await authorizeAction('editor');
  const id = Number(form.get('id'));
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, message: '请求无效。' };
  const result = deleteSection(id);
  return finish(result, 'section.delete', result.ok ? `${result.section.name} (${result.section.slug})` : '', user);
}
