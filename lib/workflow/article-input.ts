import { z } from 'zod';
import { TITLE_COLORS } from '@/db/schema';
import { isOwnImageUrl } from '@/lib/sanitize/article-html';
import { parseShanghaiLocal } from '@/lib/time';

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

/** A time typed in the editor as Beijing time ("YYYY-MM-DDTHH:mm"); empty means none. */
const localTime = (label: string) =>
  z
    .string()
    .max(40)
    .transform((s, ctx) => {
      if (!s.trim()) return null;
      const at = parseShanghaiLocal(s);
      if (!at) {
        ctx.addIssue({ code: 'custom', message: `${label}的格式不正确(应为 年-月-日 时:分,北京时间)。` });
        return z.NEVER;
      }
      return at;
    });

/**
 * 跳转/转载: only http(s) links leave the site (never javascript:, data: or a relative path),
 * stored in the URL parser's normal form.
 */
export const externalUrlSchema = z
  .string()
  .trim()
  .max(2000, '跳转链接不能超过 2000 个字符。')
  .transform((s, ctx) => {
    if (!s) return null;
    let url: URL | null = null;
    try {
      url = new URL(s);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || /\s/.test(s)) {
      ctx.addIssue({ code: 'custom', message: '跳转链接必须是以 http:// 或 https:// 开头的完整网址。' });
      return z.NEVER;
    }
    return url.href;
  });

/** The editors' controls (lib/workflow/editorial.ts); reporters' editors do not send them. */
export const editorialSchema = z
  .object({
    headlineRank: z.number({ error: '头条顺序必须是 1 到 99 之间的整数。' }).int('头条顺序必须是整数。').min(1, '头条顺序必须在 1 到 99 之间。').max(99, '头条顺序必须在 1 到 99 之间。').nullable(),
    pinned: z.boolean(),
    pinEndsAt: localTime('置顶结束时间'),
    recommended: z.boolean(),
    slide: z.boolean(),
    sortWeight: z.number({ error: '排序权重必须是 -9999 到 9999 之间的整数。' }).int('排序权重必须是整数。').min(-9999, '排序权重必须在 -9999 到 9999 之间。').max(9999, '排序权重必须在 -9999 到 9999 之间。'),
    titleColor: z.enum(TITLE_COLORS, { error: '标题颜色不在可选范围内。' }).nullable(),
    titleBold: z.boolean(),
    shortTitle: z.string().trim().max(40, '短标题不能超过 40 个字。').transform((s) => s || null).nullable(),
    unpublishAt: localTime('定时下线时间'),
    externalUrl: externalUrlSchema,
    extraSectionIds: z.array(z.number().int().positive()).max(50, '副栏目过多。'),
  })
  // An end time without a pin means nothing: drop it rather than keep a stray timer.
  .transform((e) => ({ ...e, pinEndsAt: e.pinned ? e.pinEndsAt : null }));

export const saveInputSchema = z
  .object({
    id: z.number().int().positive().nullable(),
    version: z.number().int().min(0),
    fields: articleFieldsSchema,
    editorial: editorialSchema.optional(),
  })
  .refine((i) => !i.editorial?.slide || i.fields.coverImage !== null, {
    message: '设为幻灯的稿件必须有封面图片:请先上传封面,或取消“幻灯”。',
    path: ['editorial', 'slide'],
  });

export type SaveInput = z.input<typeof saveInputSchema>;

