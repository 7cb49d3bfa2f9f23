import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { useTestDatabase } from './helpers/test-db';

/**
 * The staff action wrapper (lib/actions/staff-action.ts), through the real actions: the role
 * check comes first and is the rules table's, bad input is refused with the schema's message
 * before anything is written, and the audit line and the refresh follow a success only.
 * The session and the request's address are stand-ins; everything else is real.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));
vi.mock('@/lib/auth/client-ip', () => ({ clientIp: async () => '203.0.113.9' }));
vi.mock('@/lib/auth/session', async () => {
  const { roleAtLeast } = await import('@/lib/auth/roles');
  // Stands in for Next's unauthorized()/forbidden() interrupts: thrown, never returned.
  return {
    authorizeAction: vi.fn(async (min: Role) => {
      if (!session.user) throw new Error('NEXT_HTTP_ERROR_FALLBACK;401');
      if (!roleAtLeast(session.user.role, min)) throw new Error('NEXT_HTTP_ERROR_FALLBACK;403');
      return session.user;
    }),
  };
});

const { authorizeAction } = await import('@/lib/auth/session');
const { publishArticleAction, submitArticleAction, scheduleArticleAction } = await import('@/app/admin/articles/workflow-actions');
const { saveArticleAction } = await import('@/app/admin/articles/editor-actions');
const { createSectionAction } = await import('@/app/admin/sections/actions');
const { createUserAction } = await import('@/app/admin/users/actions');
const { checkTransition, minimumRoleFor, WORKFLOW_ACTIONS } = await import('@/lib/workflow/transitions');
const { ARTICLE_STATUSES, ROLES } = await import('@/db/schema');

let env: ReturnType<typeof useTestDatabase>;
let reporter: SessionUser;
let editor: SessionUser;
let admin: SessionUser;
let sectionId = 0;

function addUser(username: string, role: Role): SessionUser {
  const now = Date.now();
  const r = env.db.$client
    .prepare('insert into users (username, display_name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
    .run(username, username, role, 'x', now, now);
  return { id: Number(r.lastInsertRowid), username, displayName: username, role };
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}

function article(id: number) {
  return env.db.$client.prepare('select status, version from articles where id = ?').get(id) as { status: string; version: number };
}

function auditRows(): Array<{ action: string; actor_name: string; target: string; ip: string }> {
  return env.db.$client.prepare('select action, actor_name, target, ip from audit_log order by id').all() as never;
}

function logRows(): number {
  return (env.db.$client.prepare('select count(*) as n from cache_invalidations').get() as { n: number }).n;
}

/** A draft by the reporter, submitted for review. */
async function submittedDraft(title: string): Promise<{ id: number; version: number }> {
  session.user = reporter;
  const fields = { title, subtitle: null, sectionId, source: '原创', byline: ['记者'], responsibleEditor: null, summary: '', coverImage: null, coverAlt: null, body: '<p>正文</p>' };
  const saved = await saveArticleAction({ id: null, version: 0, fields });
  if (!saved.ok) throw new Error(saved.message);
  const submitted = await submitArticleAction(null, form({ id: saved.id, version: saved.version }));
  if (!submitted?.ok) throw new Error(submitted?.message);
  return { id: saved.id, version: submitted.version };
}

beforeAll(() => {
  env = useTestDatabase({ articles: 5 });
  reporter = addUser('reporter1', 'reporter');
  editor = addUser('editor1', 'editor');
  admin = addUser('admin1', 'admin');
  sectionId = (env.db.$client.prepare('select id from sections order by id limit 1').get() as { id: number }).id;
});
afterAll(() => env.cleanup());
beforeEach(() => {
  revalidatePath.mockClear();
  vi.mocked(authorizeAction).mockClear();
});

describe('staff actions', () => {
  it('refuse bad input with the schema’s message and change nothing', async () => {
    const piece = await submittedDraft('输入有误的稿件');
    const auditBefore = auditRows().length;
    const logBefore = logRows();
    session.user = editor;

    expect(await publishArticleAction(null, form({ id: 'abc', version: piece.version }))).toEqual({ ok: false, message: '请求无效:缺少稿件编号或版本。' });
    expect(await scheduleArticleAction(null, form({ id: piece.id, version: piece.version, publishAt: '明天' }))).toEqual({
      ok: false,
      message: '请填写定时发布的日期和时间(北京时间)。',
    });
    const sections = (env.db.$client.prepare('select count(*) as n from sections').get() as { n: number }).n;
    expect(await createSectionAction(null, form({ name: '专题', slug: 'Bad Slug', parentId: '', description: '' }))).toEqual({
      ok: false,
      message: '栏目别名只能使用小写字母 a-z、数字 0-9 和连字符 -,且不能以连字符开头或结尾(最长 40 个字符)。',
    });

    expect(article(piece.id)).toEqual({ status: 'in_review', version: piece.version });
    expect((env.db.$client.prepare('select count(*) as n from sections').get() as { n: number }).n).toBe(sections);
    expect(auditRows()).toHaveLength(auditBefore);
    expect(logRows()).toBe(logBefore);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('echo a refused form’s fields for refilling, never the password', async () => {
    session.user = admin;
    const result = await createUserAction(null, form({ username: 'x', displayName: '新同事', role: 'editor', password: 'secret-password-1' }));
    expect(result).toMatchObject({ ok: false, values: { username: 'x', displayName: '新同事', role: 'editor' } });
    expect(JSON.stringify(result)).not.toContain('secret-password-1');
  });

  it('check the role the rules table gives each step first, before reading the input', async () => {
    const piece = await submittedDraft('记者不能发布');
    session.user = reporter;
    // A reporter's forged publish is refused by the floor (403), even with a malformed form.
    await expect(publishArticleAction(null, form({ id: piece.id, version: piece.version }))).rejects.toThrow(/403/);
    await expect(publishArticleAction(null, form({ id: 'abc' }))).rejects.toThrow(/403/);
    expect(vi.mocked(authorizeAction).mock.calls.at(-1)).toEqual([minimumRoleFor('publish')]);
    expect(article(piece.id).status).toBe('in_review');
    session.user = null;
    await expect(submitArticleAction(null, form({ id: piece.id, version: piece.version }))).rejects.toThrow(/401/);
  });

  it('derive each floor from the table: the floor can take the step somewhere, the role below it nowhere', () => {
    expect(minimumRoleFor('publish')).toBe('editor');
    expect(minimumRoleFor('submit')).toBe('reporter');
    for (const action of WORKFLOW_ACTIONS) {
      const floor = minimumRoleFor(action);
      const can = (role: Role) => ARTICLE_STATUSES.some((status) => checkTransition(action, { status, authorId: 1 }, { id: 1, role }).ok);
      expect(can(floor), action).toBe(true);
      const below = ROLES[ROLES.indexOf(floor) - 1];
      if (below) expect(can(below), action).toBe(false);
    }
  });

  it('write the audit line and refresh readers’ pages after a success only', async () => {
    const piece = await submittedDraft('审核通过的稿件');
    const auditBefore = auditRows().length;
    const logBefore = logRows();
    revalidatePath.mockClear();
    session.user = editor;

    const done = await publishArticleAction(null, form({ id: piece.id, version: piece.version }));
    expect(done).toEqual({ ok: true, message: '已审核通过并立即发布。', version: piece.version + 1, status: 'published' });
    expect(auditRows().slice(auditBefore)).toEqual([{ action: 'article.publish', actor_name: 'editor1', target: `article:${piece.id}`, ip: '203.0.113.9' }]);
    expect(revalidatePath.mock.calls).toEqual([['/', 'layout']]);
    expect(logRows()).toBe(logBefore + 1);

    // The same publish again on the old version: refused by the mutation, so no audit, no refresh.
    revalidatePath.mockClear();
    const again = await publishArticleAction(null, form({ id: piece.id, version: piece.version }));
    expect(again).toMatchObject({ ok: false });
    expect(auditRows()).toHaveLength(auditBefore + 1);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(logRows()).toBe(logBefore + 1);
  });

  it('do not refresh readers’ pages for a draft no reader has seen', async () => {
    revalidatePath.mockClear();
    const logBefore = logRows();
    await submittedDraft('尚未发布的稿件');
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(logRows()).toBe(logBefore);
  });
});
