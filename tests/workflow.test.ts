import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import {
  type ArticleFields,
  createArticle,
  deleteArticle,
  publishDueArticles,
  restoreRevision,
  saveArticle,
  transitionArticle,
} from '@/db/mutations/articles';
import { createSection, deleteSection, moveSection, updateSection } from '@/db/mutations/sections';
import { listAdminArticles, nextScheduledAt } from '@/db/queries/admin-articles';
import { getPublicArticle } from '@/db/queries/articles';
import { listRevisions } from '@/db/queries/revisions';
import { listSections } from '@/db/queries/sections';
import { checkTransition } from '@/lib/workflow/transitions';

let ctx: ReturnType<typeof useTestDatabase>;
const reporter = { id: 0, role: 'reporter' as const };
const reporter2 = { id: 0, role: 'reporter' as const };
const editor = { id: 0, role: 'editor' as const };
let sectionId = 0;

function addUser(username: string, role: string): number {
  const now = Date.now();
  const r = ctx.db.$client
    .prepare('insert into users (username, display_name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
    .run(username, username, role, 'x', now, now);
  return Number(r.lastInsertRowid);
}

function fields(over: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title: '测试稿件',
    subtitle: null,
    sectionId,
    source: '原创',
    byline: ['张三'],
    responsibleEditor: null,
    summary: '',
    coverImage: null,
    coverAlt: null,
    body: '<p>正文</p>',
    ...over,
  };
}

function created(f = fields(), actor = reporter) {
  const r = createArticle(f, actor);
  if (!r.ok) throw new Error(r.message);
  return r.change;
}

beforeAll(() => {
  ctx = useTestDatabase({ articles: 30 });
  reporter.id = addUser('r1', 'reporter');
  reporter2.id = addUser('r2', 'reporter');
  editor.id = addUser('e1', 'editor');
  sectionId = (ctx.db.$client.prepare('select id from sections order by id limit 1').get() as { id: number }).id;
});
afterAll(() => ctx.cleanup());

describe('article workflow', () => {
  it('sanitises the body when storing it', () => {
    const c = created(fields({ body: '<p onclick="x()">好</p><script>alert(1)</script><img src="x" onerror="alert(1)">' }));
    const row = ctx.db.$client.prepare('select body from articles where id = ?').get(c.id) as { body: string };
    expect(row.body).toBe('<p>好</p>');
  });

  it('refuses a save based on an older version and keeps the newer text', () => {
    const c = created();
    const first = saveArticle(c.id, c.version, fields({ title: '甲的修改' }), reporter);
    expect(first.ok).toBe(true);
    const stale = saveArticle(c.id, c.version, fields({ title: '乙的修改' }), reporter);
    expect(stale).toMatchObject({ ok: false, code: 'conflict', currentVersion: c.version + 1 });
    if (!stale.ok) expect(stale.message).toMatch(/已被他人修改/);
    const row = ctx.db.$client.prepare('select title, version from articles where id = ?').get(c.id);
    expect(row).toEqual({ title: '甲的修改', version: c.version + 1 });
  });

  it('lets a reporter submit but never publish, schedule or touch another reporter’s piece', () => {
    const c = created();
    expect(saveArticle(c.id, c.version, fields({ title: '别人的' }), reporter2)).toMatchObject({ ok: false, code: 'forbidden' });
    const pub = transitionArticle({ id: c.id, action: 'publish', expectedVersion: c.version }, reporter);
    expect(pub).toMatchObject({ ok: false, code: 'forbidden' });
    if (!pub.ok) expect(pub.message).toBe('只有编辑或管理员可以执行“审核通过并立即发布”。');
    const sub = transitionArticle({ id: c.id, action: 'submit', expectedVersion: c.version }, reporter);
    expect(sub).toMatchObject({ ok: true, change: { status: 'in_review' } });
    // Once submitted the reporter can no longer edit it.
    const v = sub.ok ? sub.change.version : 0;
    expect(saveArticle(c.id, v, fields(), reporter)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(ctx.db.$client.prepare('select status from articles where id = ?').get(c.id)).toEqual({ status: 'in_review' });
  });

  it('refuses an illegal transition with a reason and changes nothing', () => {
    const c = created();
    const r = transitionArticle({ id: c.id, action: 'withdraw', expectedVersion: c.version }, editor);
    expect(r).toMatchObject({ ok: false, code: 'forbidden', message: '稿件当前状态为“草稿”,不能执行“撤稿”。' });
    expect(ctx.db.$client.prepare('select status, version from articles where id = ?').get(c.id)).toEqual({ status: 'draft', version: c.version });
    expect(checkTransition('restore', { status: 'published', authorId: 1 }, editor).ok).toBe(false);
  });

  it('publishes, keeps revisions of later saves, withdraws and restores', async () => {
    const c = created(fields({ title: '要发布的稿件' }));
    const sub = transitionArticle({ id: c.id, action: 'submit', expectedVersion: c.version }, reporter);
    if (!sub.ok) throw new Error(sub.message);
    const pub = transitionArticle({ id: c.id, action: 'publish', expectedVersion: sub.change.version }, editor);
    if (!pub.ok) throw new Error(pub.message);
    expect(pub.change.status).toBe('published');
    expect((await getPublicArticle(c.id))?.title).toBe('要发布的稿件');

    const edited = saveArticle(c.id, pub.change.version, fields({ title: '发布后修改', body: '<p>新正文</p>' }), editor);
    if (!edited.ok) throw new Error(edited.message);
    const revisions = await listRevisions(c.id);
    expect(revisions.map((r) => r.title)).toEqual(['发布后修改', '要发布的稿件', '要发布的稿件']);
    expect(revisions[0]!.editorName).toBe('e1');

    // Restoring the submitted revision is a new save with its own version check.
    const submitted = revisions[2]!;
    expect(restoreRevision(c.id, submitted.id, pub.change.version, editor)).toMatchObject({ ok: false, code: 'conflict' });
    const restored = restoreRevision(c.id, submitted.id, edited.change.version, editor);
    expect(restored).toMatchObject({ ok: true });
    expect((await getPublicArticle(c.id))?.title).toBe('要发布的稿件');
    expect((await listRevisions(c.id)).length).toBe(4);

    const v = restored.ok ? restored.change.version : 0;
    const wd = transitionArticle({ id: c.id, action: 'withdraw', expectedVersion: v }, editor);
    expect(wd).toMatchObject({ ok: true, change: { status: 'withdrawn', previousStatus: 'published' } });
    expect(await getPublicArticle(c.id)).toBeUndefined();
    const back = transitionArticle({ id: c.id, action: 'restore', expectedVersion: wd.ok ? wd.change.version : 0 }, editor);
    expect(back).toMatchObject({ ok: true, change: { status: 'draft' } });
  });

  it('sends back with a comment only', () => {
    const c = created();
    const sub = transitionArticle({ id: c.id, action: 'submit', expectedVersion: c.version }, reporter);
    const v = sub.ok ? sub.change.version : 0;
    expect(transitionArticle({ id: c.id, action: 'sendBack', expectedVersion: v }, editor)).toMatchObject({ ok: false, code: 'invalid' });
    expect(transitionArticle({ id: c.id, action: 'sendBack', expectedVersion: v, comment: '导语太长' }, editor)).toMatchObject({ ok: true, change: { status: 'draft' } });
    expect(ctx.db.$client.prepare('select review_comment as c from articles where id = ?').get(c.id)).toEqual({ c: '导语太长' });
  });

  it('schedules only in the future and flips due pieces exactly once', async () => {
    const c = created(fields({ title: '定时稿件' }));
    const now = new Date();
    expect(transitionArticle({ id: c.id, action: 'schedule', expectedVersion: c.version, publishAt: new Date(now.getTime() - 1000) }, editor)).toMatchObject({ ok: false, code: 'invalid' });
    const at = new Date(now.getTime() + 60_000);
    const s = transitionArticle({ id: c.id, action: 'schedule', expectedVersion: c.version, publishAt: at }, editor);
    expect(s).toMatchObject({ ok: true, change: { status: 'scheduled' } });
    expect((await nextScheduledAt())?.getTime()).toBe(at.getTime());
    expect(await getPublicArticle(c.id, now)).toBeUndefined();
    expect(publishDueArticles(now)).toEqual([]);
    const later = new Date(at.getTime() + 1);
    expect(publishDueArticles(later)).toEqual([{ id: c.id, sectionId }]);
    expect(publishDueArticles(later)).toEqual([]);
    expect((await getPublicArticle(c.id, later))?.status).toBe('published');
    // Done: the scheduler no longer wakes for it (the seed's own timers, a pin's end say, may remain).
    expect((await nextScheduledAt())?.getTime()).not.toBe(at.getTime());
  });

  it('deletes drafts only', () => {
    const c = created();
    expect(deleteArticle(c.id, reporter2)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(deleteArticle(c.id, reporter)).toMatchObject({ ok: true });
    expect(ctx.db.$client.prepare('select count(*) as n from articles where id = ?').get(c.id)).toEqual({ n: 0 });
  });

  it('lists with filters and a full-text search that includes drafts', async () => {
    created(fields({ title: '鹦鹉螺号潜艇开放日' }));
    created(fields({ title: '百分之五十' }));
    const { rows, total } = await listAdminArticles({ q: '鹦鹉螺' }, 1);
    expect(total).toBe(1);
    expect(rows[0]!.title).toBe('鹦鹉螺号潜艇开放日');
    expect(rows[0]!.status).toBe('draft');
    // Search syntax typed into the box is text, never an error; punctuation alone filters nothing.
    expect((await listAdminArticles({ q: '"鹦鹉螺*' }, 1)).total).toBe(1);
    expect((await listAdminArticles({ q: '%' }, 1)).total).toBe((await listAdminArticles({}, 1)).total);
    const mine = await listAdminArticles({ authorId: reporter.id, status: 'draft' }, 1);
    expect(mine.rows.every((r) => r.authorId === reporter.id && r.status === 'draft')).toBe(true);
    expect(mine.total).toBeGreaterThan(2);
  });
});

describe('sections', () => {
  it('validates slugs, prevents cycles and refuses to delete a section that holds something', async () => {
    expect(createSection({ name: '坏', slug: 'Bad_Slug', parentId: null, description: '' })).toMatchObject({ ok: false });
    const parent = createSection({ name: '专题', slug: 'topics', parentId: null, description: '' });
    if (!parent.ok) throw new Error(parent.message);
    const child = createSection({ name: '子专题', slug: 'sub-topic', parentId: parent.section.id, description: '' });
    if (!child.ok) throw new Error(child.message);
    expect(createSection({ name: '重复', slug: 'topics', parentId: null, description: '' })).toMatchObject({ ok: false, message: expect.stringContaining('已被其他栏目使用') });
    expect(updateSection(parent.section.id, { name: '专题', slug: 'topics', parentId: child.section.id, description: '' })).toMatchObject({
      ok: false,
      message: '不能把栏目移动到它自己或它的下级栏目之下。',
    });
    expect(deleteSection(parent.section.id)).toMatchObject({ ok: false, message: expect.stringContaining('子栏目') });
    const renamed = updateSection(child.section.id, { name: '新名字', slug: 'new-slug', parentId: null, description: '' });
    expect(renamed).toMatchObject({ ok: true, section: { slug: 'new-slug' }, change: { kind: 'sections' } });
    created(fields({ sectionId: child.section.id }));
    expect(deleteSection(child.section.id)).toMatchObject({ ok: false, message: expect.stringContaining('1 篇稿件') });
    expect(deleteSection(parent.section.id)).toMatchObject({ ok: true });
  });

  it('reorders siblings', async () => {
    const roots = (await listSections()).filter((s) => s.parentId === null);
    const second = roots[1]!;
    expect(moveSection(second.id, -1)).toMatchObject({ ok: true });
    const after = (await listSections()).filter((s) => s.parentId === null);
    expect(after[0]!.id).toBe(second.id);
    expect(moveSection(second.id, -1)).toMatchObject({ ok: false, message: '已经是第一个了。' });
  });
});

describe('revision diff and editor presence', () => {
  it('shows what changed field by field, the body paragraph by paragraph', async () => {
    const { diffRevision } = await import('@/lib/workflow/revision-diff');
    const base = { title: '区委常委会召开', subtitle: null, summary: '', body: '<p>第一段。</p><p>第二段。</p>', source: '原创', byline: ['张三'], responsibleEditor: null };
    const sections = diffRevision(base, { ...base, title: '区委常委会今日召开', body: '<p>第一段。</p><p>第二段改了。</p>' });
    const changed = sections.filter((s) => s.changed);
    expect(changed.map((s) => s.label)).toEqual(['标题', '正文']);
    expect(changed[0]!.parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['今日']);
    const body = changed[1]!.parts;
    expect(body.find((p) => p.kind === 'removed')?.text).toBe('第二段。\n');
    expect(body.find((p) => p.kind === 'added')?.text).toBe('第二段改了。\n');
  });

  it('tells an editor who else has the article open, and forgets those who left', async () => {
    const { touchPresence, leavePresence } = await import('@/lib/workflow/presence');
    const t0 = 1_000_000;
    expect(touchPresence(99, 1, '甲', t0)).toEqual([]);
    expect(touchPresence(99, 2, '乙', t0 + 1_000)).toEqual(['甲']);
    expect(touchPresence(99, 1, '甲', t0 + 2_000)).toEqual(['乙']);
    // 乙 stopped sending heartbeats.
    expect(touchPresence(99, 1, '甲', t0 + 60_000)).toEqual([]);
    touchPresence(99, 2, '乙', t0 + 61_000);
    leavePresence(99, 2);
    expect(touchPresence(99, 1, '甲', t0 + 62_000)).toEqual([]);
  });
});

describe('readiness', () => {
  it('refuses to submit or publish a body whose images lack alt text', () => {
    const img = `<figure><img src="/media/images/${'b'.repeat(64)}-960.webp" alt=""><figcaption>图</figcaption></figure>`;
    const c = created(fields({ body: `<p>文</p>${img}` }));
    const r = transitionArticle({ id: c.id, action: 'submit', expectedVersion: c.version }, reporter);
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: '正文中有 1 张图片缺少替代文字,不能提交审核。' });
    const fixed = saveArticle(c.id, c.version, fields({ body: `<p>文</p>${img.replace('alt=""', 'alt="会场"')}` }), reporter);
    expect(fixed.ok).toBe(true);
    expect(transitionArticle({ id: c.id, action: 'submit', expectedVersion: c.version + 1 }, reporter)).toMatchObject({ ok: true });
  });
});
