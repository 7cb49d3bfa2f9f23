import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import { type ArticleFields, createArticle, saveArticle, transitionArticle } from '@/db/mutations/articles';
import { getArticleForEdit, listAdminArticles, nextScheduledAt } from '@/db/queries/admin-articles';
import { getPublicArticle } from '@/db/queries/articles';
import { saveInputSchema } from '@/lib/workflow/article-input';
import { DEFAULT_EDITORIAL, type EditorialFields } from '@/lib/workflow/editorial';

/**
 * The editors' controls on the server: only editors and admins set them (a reporter's call that
 * would change one is refused whole and writes nothing), the input is validated (palette, http(s)
 * links, Beijing times, take-down after publication), and 副栏目 rows are written with the save.
 */
let ctx: ReturnType<typeof useTestDatabase>;
const reporter = { id: 0, role: 'reporter' as const };
const editor = { id: 0, role: 'editor' as const };
let home = 0;
let other = 0;
let third = 0;

function addUser(username: string, role: string): number {
  const now = Date.now();
  const r = ctx.db.$client
    .prepare('insert into users (username, display_name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
    .run(username, username, role, 'x', now, now);
  return Number(r.lastInsertRowid);
}

function fields(over: Partial<ArticleFields> = {}): ArticleFields {
  return { title: '编辑设置测试', subtitle: null, sectionId: home, source: '原创', byline: [], responsibleEditor: null, summary: '', coverImage: null, coverAlt: null, body: '<p>正文</p>', ...over };
}

function editorial(over: Partial<EditorialFields> = {}): EditorialFields {
  return { ...DEFAULT_EDITORIAL, ...over };
}

function row(id: number): Record<string, unknown> {
  return ctx.db.$client.prepare('select * from articles where id = ?').get(id) as Record<string, unknown>;
}

function extraSections(id: number): number[] {
  return (ctx.db.$client.prepare('select section_id as s from article_sections where article_id = ? order by section_id').all(id) as Array<{ s: number }>).map((r) => r.s);
}

beforeAll(() => {
  ctx = useTestDatabase({ articles: 10 });
  reporter.id = addUser('reporter-ed', 'reporter');
  editor.id = addUser('editor-ed', 'editor');
  const ids = (ctx.db.$client.prepare('select id from sections order by id limit 3').all() as Array<{ id: number }>).map((r) => r.id);
  [home, other, third] = ids as [number, number, number];
});
afterAll(() => ctx.cleanup());

describe('editorial controls', () => {
  it('stores an editor’s flags, order, styling and 副栏目 (home section and duplicates left out)', async () => {
    const ends = new Date(Date.now() + 3_600_000);
    const r = createArticle(
      fields(),
      editor,
      new Date(),
      editorial({ headlineRank: 2, pinned: true, pinEndsAt: ends, recommended: true, sortWeight: 5, titleColor: 'blue', titleBold: true, shortTitle: '短', extraSectionIds: [other, home, other, third] }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.change.timersChanged).toBe(true);
    expect(row(r.change.id)).toMatchObject({ headline_rank: 2, pinned: 1, pin_ends_at: ends.getTime(), recommended: 1, sort_weight: 5, title_color: 'blue', title_bold: 1, short_title: '短' });
    expect(extraSections(r.change.id)).toEqual([other, third].sort((a, b) => a - b));
    expect((await getArticleForEdit(r.change.id))?.extraSectionIds.sort()).toEqual([other, third].sort());

    // Replaced, not added to, by the next save; moving the home section into the list drops it there.
    const s = saveArticle(r.change.id, r.change.version, fields({ sectionId: other }), editor, new Date(), editorial({ extraSectionIds: [other, home] }));
    if (!s.ok) throw new Error(s.message);
    expect(extraSections(r.change.id)).toEqual([home]);
    expect(row(r.change.id)).toMatchObject({ headline_rank: null, pinned: 0, pin_ends_at: null, recommended: 0, title_color: null });
  });

  it('refuses a reporter’s save that sets flags, with a clear message, and writes nothing', () => {
    const c = createArticle(fields(), reporter);
    if (!c.ok) throw new Error(c.message);
    const before = row(c.change.id);
    const forged = saveArticle(c.change.id, c.change.version, fields({ title: '夹带的修改' }), reporter, new Date(), editorial({ headlineRank: 1, pinned: true, extraSectionIds: [other] }));
    expect(forged).toMatchObject({ ok: false, code: 'forbidden' });
    if (!forged.ok) expect(forged.message).toBe('记者不能设置头条、置顶、副栏目:这些只能由编辑或管理员设置。本次保存未执行,稿件没有任何改动。');
    expect(row(c.change.id)).toEqual(before);
    expect(extraSections(c.change.id)).toEqual([]);
    // Creating with flags is refused the same way, and creates nothing.
    const count = () => (ctx.db.$client.prepare('select count(*) as n from articles').get() as { n: number }).n;
    const n = count();
    expect(createArticle(fields(), reporter, new Date(), editorial({ slide: true, unpublishAt: new Date(Date.now() + 60_000) }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(count()).toBe(n);
  });

  it('lets a reporter save normally: without settings, or sending back exactly what is stored', () => {
    const c = createArticle(fields(), reporter);
    if (!c.ok) throw new Error(c.message);
    const a = saveArticle(c.change.id, c.change.version, fields({ title: '记者改标题' }), reporter);
    expect(a).toMatchObject({ ok: true });
    const b = saveArticle(c.change.id, c.change.version + 1, fields({ title: '再改' }), reporter, new Date(), editorial());
    expect(b).toMatchObject({ ok: true });
    expect(row(c.change.id)).toMatchObject({ title: '再改' });
  });

  it('keeps an editor’s settings when a reporter saves their draft without them', () => {
    const c = createArticle(fields(), reporter);
    if (!c.ok) throw new Error(c.message);
    const e = saveArticle(c.change.id, c.change.version, fields(), editor, new Date(), editorial({ recommended: true, extraSectionIds: [other] }));
    if (!e.ok) throw new Error(e.message);
    expect(saveArticle(c.change.id, e.change.version, fields({ title: '记者续写' }), reporter)).toMatchObject({ ok: true });
    expect(row(c.change.id)).toMatchObject({ recommended: 1, title: '记者续写' });
    expect(extraSections(c.change.id)).toEqual([other]);
    // Sending them back unchanged is allowed; changing one is not.
    expect(saveArticle(c.change.id, e.change.version + 1, fields(), reporter, new Date(), editorial({ recommended: true, extraSectionIds: [other] }))).toMatchObject({ ok: true });
    expect(saveArticle(c.change.id, e.change.version + 2, fields(), reporter, new Date(), editorial({ recommended: false, extraSectionIds: [other] }))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('wants a take-down time after the publication time and in the future', () => {
    const c = createArticle(fields(), editor);
    if (!c.ok) throw new Error(c.message);
    const past = saveArticle(c.change.id, c.change.version, fields(), editor, new Date(), editorial({ unpublishAt: new Date(Date.now() - 60_000) }));
    expect(past).toMatchObject({ ok: false, code: 'invalid', message: '定时下线时间必须晚于当前时间。' });
    const pinPast = saveArticle(c.change.id, c.change.version, fields(), editor, new Date(), editorial({ pinned: true, pinEndsAt: new Date(Date.now() - 1) }));
    expect(pinPast).toMatchObject({ ok: false, message: '置顶结束时间必须晚于当前时间。' });
    const downAt = new Date(Date.now() + 10 * 60_000);
    const s = saveArticle(c.change.id, c.change.version, fields(), editor, new Date(), editorial({ unpublishAt: downAt }));
    if (!s.ok) throw new Error(s.message);
    // Scheduling its publication at or after the take-down is refused.
    const late = transitionArticle({ id: c.change.id, action: 'schedule', expectedVersion: s.change.version, publishAt: new Date(downAt.getTime() + 60_000) }, editor);
    expect(late).toMatchObject({ ok: false, message: '定时发布时间必须早于定时下线时间。' });
  });

  it('takes the article down from readers at its time, and wakes the scheduler for it', async () => {
    const c = createArticle(fields({ title: '定时下线稿件' }), editor);
    if (!c.ok) throw new Error(c.message);
    const pub = transitionArticle({ id: c.change.id, action: 'publish', expectedVersion: c.change.version }, editor);
    if (!pub.ok) throw new Error(pub.message);
    const downAt = new Date(Date.now() + 60_000);
    const s = saveArticle(c.change.id, pub.change.version, fields({ title: '定时下线稿件' }), editor, new Date(), editorial({ unpublishAt: downAt }));
    if (!s.ok) throw new Error(s.message);
    expect(s.change.timersChanged).toBe(true);
    expect((await nextScheduledAt())!.getTime()).toBeLessThanOrEqual(downAt.getTime());
    expect(await getPublicArticle(c.change.id, new Date(downAt.getTime() - 1))).toBeDefined();
    expect(await getPublicArticle(c.change.id, downAt)).toBeUndefined();
    const { rows } = await listAdminArticles({ q: '定时下线稿件' }, 1);
    expect(rows.find((r) => r.id === c.change.id)?.unpublishAt?.getTime()).toBe(downAt.getTime());
  });

  it('lets an external (跳转) entry go out with title, source and link only', () => {
    const c = createArticle(fields({ title: '转载:外部报道', body: '' }), editor, new Date(), editorial({ externalUrl: 'https://example.org/news/1' }));
    if (!c.ok) throw new Error(c.message);
    expect(transitionArticle({ id: c.change.id, action: 'publish', expectedVersion: c.change.version }, editor)).toMatchObject({ ok: true });
    const plain = createArticle(fields({ body: '' }), editor);
    if (!plain.ok) throw new Error(plain.message);
    expect(transitionArticle({ id: plain.change.id, action: 'publish', expectedVersion: plain.change.version }, editor)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('editorial input', () => {
  const base = { id: null, version: 0, fields: { title: 't', subtitle: '', sectionId: 1, source: '', byline: [], responsibleEditor: '', summary: '', coverImage: null, coverAlt: '', body: '' } };
  const input = { headlineRank: null, pinned: false, pinEndsAt: '', recommended: false, slide: false, sortWeight: 0, titleColor: null, titleBold: false, shortTitle: '', unpublishAt: '', externalUrl: '', extraSectionIds: [] };
  const parse = (over: Record<string, unknown>) => saveInputSchema.safeParse({ ...base, editorial: { ...input, ...over } });
  const message = (over: Record<string, unknown>) => {
    const r = parse(over);
    return r.success ? null : r.error.issues[0]?.message;
  };

  it('accepts http(s) links only, in normal form', () => {
    const ok = parse({ externalUrl: ' https://example.org/a b'.replace(' b', '') });
    expect(ok.success && ok.data.editorial?.externalUrl).toBe('https://example.org/a');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/news/1', 'ftp://example.org/', 'https://', 'http://exa mple.org/']) {
      expect(message({ externalUrl: bad }), bad).toBe('跳转链接必须是以 http:// 或 https:// 开头的完整网址。');
    }
  });

  it('reads times as Beijing time and refuses nonsense', () => {
    const r = parse({ unpublishAt: '2030-01-02T08:00' });
    expect(r.success && r.data.editorial?.unpublishAt?.toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(message({ unpublishAt: '明天' })).toBe('定时下线时间的格式不正确(应为 年-月-日 时:分,北京时间)。');
  });

  it('drops a pin’s end time when not pinned, and keeps colours to the palette', () => {
    const r = parse({ pinned: false, pinEndsAt: '2030-01-02T08:00' });
    expect(r.success && r.data.editorial?.pinEndsAt).toBeNull();
    expect(message({ titleColor: '#ff0' })).toBe('标题颜色不在可选范围内。');
    expect(message({ headlineRank: 0 })).toBe('头条顺序必须在 1 到 99 之间。');
  });

  it('wants a cover image for a slide', () => {
    expect(message({ slide: true })).toBe('设为幻灯的稿件必须有封面图片:请先上传封面,或取消“幻灯”。');
  });
});
