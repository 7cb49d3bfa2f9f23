import { z } from 'zod';
import { isOwnImageUrl } from '@/lib/sanitize/article-html';
import type { ArticleFields } from '@/db/mutations/articles';

/** What the editor sends; validated on the server before any mutation runs. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim() || null)
    .nullable();

export const articleFieldsSchema = z
  .object({
    title: z.string().trim().min(1, '标题不能为空。').max(200, '标题不能超过 200 个字。'),
    subtitle: optionalText(200),
    sectionId: z.coerce.number().int().positive('请选择栏目。'),
    source: z.string().trim().max(100, '来源不能超过 100 个字。').transform((s) => s || '原创'),
    byline: z.array(z.string().trim().max(40)).max(20).transform((names) => names.filter(Boolean)),
    responsibleEditor: optionalText(40),
    summary: z.string().trim().max(500, '摘要不能超过 500 个字。'),
    coverImage: z
      .string()
      .nullable()
      .transform((s) => s?.trim() || null)
      .refine((s) => s === null || isOwnImageUrl(s), '封面图片必须是本站上传的图片。'),
    coverAlt: optionalText(200),
    body: z.string().max(2_000_000, '正文过长。'),
  })
  .refine((f) => f.coverImage === null || !!f.coverAlt, { message: '封面图片必须填写替代文字(图片说明)。', path: ['coverAlt'] });

export const saveInputSchema = z.object({
  id: z.number().int().positive().nullable(),
  version: z.number().int().min(0),
  fields: articleFieldsSchema,
});

export type SaveInput = z.input<typeof saveInputSchema>;

