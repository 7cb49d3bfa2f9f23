import fs from 'node:fs';
import path from 'node:path';
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  expect,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { baseURL } from '../playwright.config';
import { e2ePassword, loginAs, type StaffRole } from './helpers/auth';
import { openE2eDatabase, e2eRow } from './helpers/e2e-db';

/**
 * Every staff server action, called the way a forger would (the action's id, a hand-made body,
 * no form) by everyone who might try: signed out, a reporter on their own article, another
 * reporter, an editor, an admin, and a signed-in user who has since been disabled. Each cell
 * asserts the HTTP answer (401, 403, the action's own refusal, or success) and, for every
 * refusal, that the database rows the action could touch are exactly as they were. The allowed
 * roles are the positive controls: the same request shape succeeds and changes the database, so
 * a refusal cannot come from a malformed forgery.
 *
 * The action ids come from the build's server-reference manifest (the ids the admin pages' own
 * scripts post); the test fails if the build has a staff action this table does not cover.
 */

const RUN = Date.now().toString(36);
const PRINCIPALS = ['signedOut', 'disabled', 'otherReporter', 'reporter', 'editor', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];

/** What a cell must answer: an HTTP refusal, the action's own refusal (its message), or success. */
type Expected = 401 | 403 | { refused: string } | 'ok';

/** The arguments of one call: a form (staff forms) or plain values (the editor's script calls). */
type Args = { form: Record<string, string> } | { values: unknown[] };

type Target = { articleId?: number; sectionId?: number; userId?: number; revisionId?: number; articleFileId?: number };

type ActionRow = {
  name: string;
  /** The page the action is posted to (one whose worker holds the action). */
  page: (t: Target) => string;
  /** Creates a fresh target for the action (through other actions, by the allowed roles). */
  prepare: () => Promise<Target>;
  args: (t: Target) => Args;
  expect: Record<Principal, Expected>;
  /** Besides `ok: true`: what success looks like in the database (the positive control). */
  succeeded: (t: Target, before: DbState, after: DbState) => void;
};

// ---------------------------------------------------------------------------------------------
// The database, read through the e2e helper: every row a staff action could write.

type DbState = {
  article: Record<string, unknown> | undefined;
  revisions: unknown[];
  articleCount: number;
  sections: unknown[];
  users: unknown[];
  auditMax: number;
  files: Array<Record<string, unknown>>;
};

function dbState(t: Target): DbState {
  const db = openE2eDatabase();
  try {
    return {
      article: t.articleId ? (db.prepare('select * from articles where id = ?').get(t.articleId) as Record<string, unknown> | undefined) : undefined,
      revisions: t.articleId ? db.prepare('select * from article_revisions where article_id = ? order by id').all(t.articleId) : [],
      articleCount: (db.prepare('select count(*) as n from articles').get() as { n: number }).n,
      sections: db.prepare('select * from sections order by id').all(),
      users: db.prepare('select * from users order by id').all(),
      auditMax: (db.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n,
      files: t.articleId ? (db.prepare('select * from article_files where article_id = ? order by position, id').all(t.articleId) as Array<Record<string, unknown>>) : [],
    };
  } finally {
    db.close();
  }
}

const articleVersion = (id: number) => e2eRow<{ version: number }>('select version from articles where id = ?', id).version;
const articleStatus = (id: number) => e2eRow<{ status: string } | undefined>('select status from articles where id = ?', id)?.status;

// ---------------------------------------------------------------------------------------------
// Forging a call exactly as React's client sends it.

function actionIds(): Map<string, string> {
  const distDir = process.env.NEXT_DIST_DIR || '.next-e2e';
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename?.startsWith('app/admin/') && entry.exportedName) ids.set(entry.exportedName, id);
  }
  return ids;
}

let ids: Map<string, string>;
const requests = new Map<Principal, APIRequestContext>();

async function post(who: Principal, action: string, pagePath: string, args: Args): Promise<APIResponse> {
  const actionId = ids.get(action);
  if (!actionId) throw new Error(`no server action named ${action} in the build`);
  const request = requests.get(who)!;
  const headers = { 'Next-Action': actionId, Accept: 'text/x-component', Origin: baseURL };
  if ('form' in args) {
    // (previous state, FormData) as React's encodeReply sends it: the form's fields first, each
    // named `_1_<field>`, then the root `0` referring to them ($K1) after the null state. The
    // server parses `0` as soon as it arrives, so the order matters (the positive controls prove it).
    const multipart = new FormData();
    for (const [name, value] of Object.entries(args.form)) multipart.append(`_1_${name}`, value);
    multipart.append('0', '[null,"$K1"]');
    return request.post(pagePath, { multipart, headers, maxRedirects: 0 });
  }
  return request.post(pagePath, {
    data: JSON.stringify(args.values),
    headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
    maxRedirects: 0,
  });
}

/** The value the action returned, from its React Flight answer (row 0 names the result row). */
function actionResult(body: string): Record<string, unknown> | undefined {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const head = rows.get('0');
  if (!head) return undefined;
  const a = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof a === 'string' && a.startsWith('$@')) {
    const row = rows.get(a.slice(2));
    return row === undefined ? undefined : (JSON.parse(row) as Record<string, unknown>);
  }
  return a as Record<string, unknown> | undefined;
}

/** Calls an action that must succeed (setting up a target) and returns its result. */
async function mustSucceed(who: Principal, action: string, pagePath: string, args: Args): Promise<Record<string, unknown>> {
  const res = await post(who, action, pagePath, args);
  const body = await res.text();
  expect(res.status(), `${action} as ${who} (setup): ${body.slice(0, 300)}`).toBe(200);
  const result = actionResult(body);
  expect(result, `${action} as ${who} (setup): ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  return result!;
}

// ---------------------------------------------------------------------------------------------
// Targets, each made fresh through the actions themselves.

const NEW_ARTICLE = '/admin/articles/new';
let parentSectionId = 0;
let counter = 0;
const next = () => `${RUN}-${++counter}`;
const createdSections: number[] = [];
const createdArticles: number[] = [];

function articleFields(title: string) {
  return {
    title,
    subtitle: null,
    sectionId: parentSectionId,
    source: '原创',
    byline: ['测试记者'],
    responsibleEditor: null,
    summary: `${title} 的摘要`,
    coverImage: null,
    coverAlt: null,
    body: `<p>${title} 的正文。</p>`,
  };
}

async function reportersDraft(): Promise<Target> {
  const result = await mustSucceed('reporter', 'saveArticleAction', NEW_ARTICLE, {
    values: [{ id: null, version: 0, fields: articleFields(`伪造调用测试 ${next()}`) }],
  });
  const articleId = result.id as number;
  createdArticles.push(articleId);
  return { articleId };
}

const workflowForm = (id: number, extra: Record<string, string> = {}) => ({ form: { id: String(id), version: String(articleVersion(id)), ...extra } });

async function step(who: Principal, action: string, id: number, extra: Record<string, string> = {}): Promise<void> {
  await mustSucceed(who, action, NEW_ARTICLE, workflowForm(id, extra));
}

async function inReview(): Promise<Target> {
  const t = await reportersDraft();
  await step('reporter', 'submitArticleAction', t.articleId!);
  return t;
}

async function published(): Promise<Target> {
  const t = await inReview();
  await step('editor', 'publishArticleAction', t.articleId!);
  return t;
}

async function withdrawn(): Promise<Target> {
  const t = await published();
  await step('editor', 'withdrawArticleAction', t.articleId!);
  return t;
}

/** The reporter's draft with a revision to go back to: submitted (a revision), sent back, edited. */
async function draftWithRevision(): Promise<Target> {
  const t = await inReview();
  await step('editor', 'sendBackArticleAction', t.articleId!, { comment: '请修改' });
  const id = t.articleId!;
  await mustSucceed('reporter', 'saveArticleAction', NEW_ARTICLE, {
    values: [{ id, version: articleVersion(id), fields: articleFields(`改过的标题 ${next()}`) }],
  });
  const revisionId = e2eRow<{ id: number }>('select id from article_revisions where article_id = ? order by id limit 1', id).id;
  return { articleId: id, revisionId };
}

async function scratchSection(): Promise<Target> {
  const slug = `forged-${next()}`;
  await mustSucceed('admin', 'createSectionAction', '/admin/sections', {
    form: { name: `伪造测试栏目 ${slug}`, slug, parentId: String(parentSectionId), description: '' },
  });
  const sectionId = e2eRow<{ id: number }>('select id from sections where slug = ?', slug).id;
  createdSections.push(sectionId);
  return { sectionId };
}

/** A section with a sibling before it, so moving it up is possible. */
async function movableSection(): Promise<Target> {
  await scratchSection();
  return scratchSection();
}

async function scratchUser(): Promise<Target> {
  const username = `forged-${next()}`;
  await mustSucceed('admin', 'createUserAction', '/admin/users', {
    form: { username, displayName: '伪造测试账号', role: 'reporter', password: e2ePassword('reporter') },
  });
  return { userId: e2eRow<{ id: number }>('select id from users where username = ?', username).id };
}

// Files: the demo content stores a PDF, a video and its captions (lib/files/demo.ts); staff
// attach stored files to their article by hash, as the editor's files panel does after upload.
const storedHash = (kind: string) => e2eRow<{ hash: string }>('select hash from stored_files where kind = ? order by created_at limit 1', kind).hash;
const anImagePath = () => e2eRow<{ cover_image: string }>('select cover_image from articles where cover_image is not null limit 1').cover_image;

async function attach(articleId: number, kind: string, fileName: string): Promise<number> {
  await mustSucceed('reporter', 'attachFileAction', `/admin/articles/${articleId}`, { values: [{ articleId, hash: storedHash(kind), fileName }] });
  return e2eRow<{ id: number }>('select id from article_files where article_id = ? order by id desc limit 1', articleId).id;
}

/** The reporter's draft with two files attached (the second one a video), so either can move. */
async function draftWithFiles(): Promise<Target> {
  const t = await reportersDraft();
  await attach(t.articleId!, 'attachment', `附件一 ${next()}.pdf`);
  const articleFileId = await attach(t.articleId!, 'video', `视频 ${next()}.mp4`);
  return { ...t, articleFileId };
}

// ---------------------------------------------------------------------------------------------
// The table.

const OWN_ONLY = '记者只能处理自己撰写的稿件。';
/** Reporters may take the step on their own articles only. */
const reporterStep: Record<Principal, Expected> = {
  signedOut: 401,
  disabled: 401,
  otherReporter: { refused: OWN_ONLY },
  reporter: 'ok',
  editor: 'ok',
  admin: 'ok',
};
const editorsOnly: Record<Principal, Expected> = { signedOut: 401, disabled: 401, otherReporter: 403, reporter: 403, editor: 'ok', admin: 'ok' };
const adminsOnly: Record<Principal, Expected> = { signedOut: 401, disabled: 401, otherReporter: 403, reporter: 403, editor: 403, admin: 'ok' };
const anyStaff: Record<Principal, Expected> = { signedOut: 401, disabled: 401, otherReporter: 'ok', reporter: 'ok', editor: 'ok', admin: 'ok' };

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);

const articleNow = (status: string) => (t: Target, _before: DbState, after: DbState) => expect(after.article?.status).toBe(status);
const versionMoved = (t: Target, before: DbState, after: DbState) =>
  expect(after.article?.version).toBe((before.article?.version as number) + 1);

const ROWS: ActionRow[] = [
  {
    name: 'saveArticleAction',
    page: () => NEW_ARTICLE,
    prepare: reportersDraft,
    args: (t) => ({ values: [{ id: t.articleId, version: articleVersion(t.articleId!), fields: articleFields(`伪造保存 ${next()}`) }] }),
    expect: reporterStep,
    succeeded: (_t, before, after) => {
      expect(after.article?.version).toBe((before.article?.version as number) + 1);
      expect(after.article?.title).toMatch(/^伪造保存 /);
    },
  },
  {
    name: 'saveArticleAction (new article)',
    page: () => NEW_ARTICLE,
    prepare: async () => ({}),
    args: () => ({ values: [{ id: null, version: 0, fields: articleFields(`伪造新建 ${next()}`) }] }),
    expect: anyStaff,
    succeeded: (_t, before, after) => expect(after.articleCount).toBe(before.articleCount + 1),
  },
  {
    name: 'editorHeartbeatAction',
    page: () => NEW_ARTICLE,
    prepare: reportersDraft,
    args: (t) => ({ values: [t.articleId] }),
    // It only reads (who else has the article open, its version): any staff member may ask.
    expect: anyStaff,
    succeeded: (_t, before, after) => expect(after).toEqual(before),
  },
  {
    name: 'restoreRevisionAction',
    page: (t) => `/admin/articles/${t.articleId}/revisions`,
    prepare: draftWithRevision,
    args: (t) => ({ form: { articleId: String(t.articleId), revisionId: String(t.revisionId), version: String(articleVersion(t.articleId!)) } }),
    expect: reporterStep,
    succeeded: (_t, before, after) => {
      versionMoved(_t, before, after);
      expect(after.article?.title).toMatch(/^伪造调用测试 /);
    },
  },
  {
    name: 'submitArticleAction',
    page: () => NEW_ARTICLE,
    prepare: reportersDraft,
    args: (t) => workflowForm(t.articleId!),
    expect: reporterStep,
    succeeded: articleNow('in_review'),
  },
  {
    name: 'publishArticleAction',
    page: () => NEW_ARTICLE,
    prepare: inReview,
    args: (t) => workflowForm(t.articleId!),
    expect: editorsOnly,
    succeeded: articleNow('published'),
  },
  {
    name: 'scheduleArticleAction',
    page: () => NEW_ARTICLE,
    prepare: inReview,
    args: (t) => workflowForm(t.articleId!, { publishAt: inAMonth() }),
    expect: editorsOnly,
    succeeded: articleNow('scheduled'),
  },
  {
    name: 'sendBackArticleAction',
    page: () => NEW_ARTICLE,
    prepare: inReview,
    args: (t) => workflowForm(t.articleId!, { comment: '伪造的退回意见' }),
    expect: editorsOnly,
    succeeded: articleNow('draft'),
  },
  {
    name: 'withdrawArticleAction',
    page: () => NEW_ARTICLE,
    prepare: published,
    args: (t) => workflowForm(t.articleId!),
    expect: editorsOnly,
    succeeded: articleNow('withdrawn'),
  },
  {
    name: 'restoreArticleAction',
    page: () => NEW_ARTICLE,
    prepare: withdrawn,
    args: (t) => workflowForm(t.articleId!),
    expect: editorsOnly,
    succeeded: articleNow('draft'),
  },
  {
    name: 'deleteArticleAction',
    page: () => NEW_ARTICLE,
    prepare: reportersDraft,
    args: (t) => ({ form: { id: String(t.articleId) } }),
    expect: reporterStep,
    succeeded: (_t, before, after) => {
      expect(after.article).toBeUndefined();
      expect(after.articleCount).toBe(before.articleCount - 1);
    },
  },
  {
    name: 'createSectionAction',
    page: () => '/admin/sections',
    prepare: async () => ({}),
    args: () => {
      const slug = `forged-${next()}`;
      return { form: { name: `伪造栏目 ${slug}`, slug, parentId: String(parentSectionId), description: '' } };
    },
    expect: editorsOnly,
    succeeded: (_t, before, after) => {
      expect(after.sections.length).toBe(before.sections.length + 1);
      const added = after.sections.at(-1) as { id: number };
      createdSections.push(added.id);
    },
  },
  {
    name: 'updateSectionAction',
    page: () => '/admin/sections',
    prepare: scratchSection,
    args: (t) => ({ form: { id: String(t.sectionId), name: `改名 ${next()}`, slug: `forged-${next()}`, parentId: String(parentSectionId), description: '伪造' } }),
    expect: editorsOnly,
    succeeded: (t, _before, after) => expect(after.sections).toContainEqual(expect.objectContaining({ id: t.sectionId, description: '伪造' })),
  },
  {
    name: 'moveSectionAction',
    page: () => '/admin/sections',
    prepare: movableSection,
    args: (t) => ({ form: { id: String(t.sectionId), direction: 'up' } }),
    expect: editorsOnly,
    succeeded: (t, before, after) => {
      const order = (s: DbState) => (s.sections as Array<{ id: number; sort_order: number }>).find((row) => row.id === t.sectionId)?.sort_order;
      expect(order(after)).toBe(order(before)! - 1);
    },
  },
  {
    name: 'deleteSectionAction',
    page: () => '/admin/sections',
    prepare: scratchSection,
    args: (t) => ({ form: { id: String(t.sectionId) } }),
    expect: editorsOnly,
    succeeded: (t, before, after) => {
      expect(after.sections.length).toBe(before.sections.length - 1);
      expect(after.sections).not.toContainEqual(expect.objectContaining({ id: t.sectionId }));
    },
  },
  {
    name: 'createUserAction',
    page: () => '/admin/users',
    prepare: async () => ({}),
    args: () => ({ form: { username: `forged-${next()}`, displayName: '伪造账号', role: 'admin', password: e2ePassword('admin') } }),
    expect: adminsOnly,
    succeeded: (_t, before, after) => expect(after.users.length).toBe(before.users.length + 1),
  },
  {
    name: 'changeRoleAction',
    page: () => '/admin/users',
    prepare: scratchUser,
    args: (t) => ({ form: { userId: String(t.userId), role: 'admin' } }),
    expect: adminsOnly,
    succeeded: (t, _before, after) => expect(after.users).toContainEqual(expect.objectContaining({ id: t.userId, role: 'admin' })),
  },
  {
    name: 'setDisabledAction',
    page: () => '/admin/users',
    prepare: scratchUser,
    args: (t) => ({ form: { userId: String(t.userId), disabled: 'true' } }),
    expect: adminsOnly,
    succeeded: (t, _before, after) => expect(after.users).toContainEqual(expect.objectContaining({ id: t.userId, disabled: 1 })),
  },
  {
    name: 'resetPasswordAction',
    page: () => '/admin/users',
    prepare: scratchUser,
    args: (t) => ({ form: { userId: String(t.userId), password: `forged-new-password-${RUN}` } }),
    expect: adminsOnly,
    succeeded: (t, before, after) => {
      const hash = (s: DbState) => (s.users as Array<{ id: number; password_hash: string }>).find((u) => u.id === t.userId)?.password_hash;
      expect(hash(after)).not.toBe(hash(before));
    },
  },
  {
    name: 'attachFileAction',
    page: (t) => `/admin/articles/${t.articleId}`,
    prepare: reportersDraft,
    args: (t) => ({ values: [{ articleId: t.articleId, hash: storedHash('attachment'), fileName: `伪造附件 ${next()}.pdf` }] }),
    expect: reporterStep,
    succeeded: (_t, before, after) => expect(after.files.length).toBe(before.files.length + 1),
  },
  {
    name: 'detachFileAction',
    page: (t) => `/admin/articles/${t.articleId}`,
    prepare: draftWithFiles,
    args: (t) => ({ values: [{ articleFileId: t.articleFileId }] }),
    expect: reporterStep,
    succeeded: (_t, before, after) => expect(after.files.length).toBe(before.files.length - 1),
  },
  {
    name: 'moveFileAction',
    page: (t) => `/admin/articles/${t.articleId}`,
    prepare: draftWithFiles,
    args: (t) => ({ values: [{ articleFileId: t.articleFileId, direction: 'up' }] }),
    expect: reporterStep,
    succeeded: (t, _before, after) => expect(after.files[0]?.id).toBe(t.articleFileId),
  },
  {
    name: 'setVideoPosterAction',
    page: (t) => `/admin/articles/${t.articleId}`,
    prepare: draftWithFiles,
    args: (t) => ({ values: [{ articleFileId: t.articleFileId, posterUrl: anImagePath() }] }),
    expect: reporterStep,
    succeeded: (t, _before, after) => expect(after.files.find((f) => f.id === t.articleFileId)?.poster_image).toBe(anImagePath()),
  },
  {
    name: 'setVideoCaptionsAction',
    page: (t) => `/admin/articles/${t.articleId}`,
    prepare: draftWithFiles,
    args: (t) => ({ values: [{ articleFileId: t.articleFileId, captionsHash: storedHash('captions') }] }),
    expect: reporterStep,
    succeeded: (t, _before, after) => expect(after.files.find((f) => f.id === t.articleFileId)?.captions_hash).toBe(storedHash('captions')),
  },
];

/** The exported function a row calls ("saveArticleAction (new article)" → saveArticleAction). */
const exportName = (row: ActionRow) => row.name.split(' ')[0]!;

// ---------------------------------------------------------------------------------------------
// Who is calling: one signed-in context per principal, reused by every cell.

const contexts: BrowserContext[] = [];

async function signedIn(browser: Browser, role: StaffRole, username?: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await loginAs(page, role, { username });
  await page.close();
  return context.request;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  ids = actionIds();
  parentSectionId = e2eRow<{ id: number }>('select id from sections where parent_id is null order by sort_order, id limit 1').id;
  requests.set('signedOut', await playwrightRequest.newContext({ baseURL }));
  requests.set('reporter', await signedIn(browser, 'reporter'));
  requests.set('otherReporter', await signedIn(browser, 'reporter', 'reporter2'));
  requests.set('editor', await signedIn(browser, 'editor'));
  requests.set('admin', await signedIn(browser, 'admin'));
  // An admin account that signs in, then is disabled: its cookie still decodes but must open nothing.
  const username = `forged-off-${RUN}`;
  await mustSucceed('admin', 'createUserAction', '/admin/users', {
    form: { username, displayName: '将被停用的管理员', role: 'admin', password: e2ePassword('admin') },
  });
  requests.set('disabled', await signedIn(browser, 'admin', username));
  const userId = e2eRow<{ id: number }>('select id from users where username = ?', username).id;
  await mustSucceed('admin', 'setDisabledAction', '/admin/users', { form: { userId: String(userId), disabled: 'true' } });
  expect(e2eRow<{ disabled: number }>('select disabled from users where id = ?', userId).disabled).toBe(1);
});

test.afterAll(async () => {
  // Leave the shared e2e database as the other journeys expect it: no scratch sections in the
  // navigation, none of these articles on the public pages.
  for (const id of createdArticles) {
    if (['published', 'scheduled'].includes(articleStatus(id) ?? '')) await step('admin', 'withdrawArticleAction', id);
  }
  for (const id of createdSections.reverse()) {
    if (e2eRow<unknown>('select 1 from sections where id = ?', id)) {
      await mustSucceed('admin', 'deleteSectionAction', '/admin/sections', { form: { id: String(id) } });
    }
  }
  await requests.get('signedOut')?.dispose();
  for (const context of contexts) await context.close();
});

test('the table covers every staff server action in the build', () => {
  const covered = new Set(ROWS.map(exportName));
  expect([...ids.keys()].filter((name) => !covered.has(name)).sort()).toEqual([]);
  expect([...covered].filter((name) => !ids.has(name)).sort()).toEqual([]);
});

for (const row of ROWS) {
  test(`${row.name}: refused unless allowed, and nothing changes when refused`, async () => {
    const failures: string[] = [];
    let target: Target | undefined;
    for (const who of PRINCIPALS) {
      const expected = row.expect[who];
      target ??= await row.prepare();
      const t: Target = target;
      const before = dbState(t);
      const res = await post(who, exportName(row), row.page(t), row.args(t));
      const status = res.status();
      const body = await res.text();
      const after = dbState(t);
      const cell = `${row.name} as ${who}`;
      if (expected === 401 || expected === 403) {
        if (status !== expected) failures.push(`${cell}: HTTP ${status}, expected ${expected}`);
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${cell}: refused with ${status} but the database changed`);
        continue;
      }
      const result = status === 200 ? actionResult(body) : undefined;
      if (typeof expected === 'object') {
        if (status !== 200 || result?.ok !== false || result.message !== expected.refused) {
          failures.push(`${cell}: HTTP ${status} ${JSON.stringify(result) ?? body.slice(0, 200)}, expected the refusal “${expected.refused}”`);
        }
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${cell}: refused but the database changed`);
        continue;
      }
      // The positive control: success, visible in the database. Deleting redirects to the list.
      const redirect = res.headers()['x-action-redirect'];
      const answered = row.name === 'deleteArticleAction' ? redirect?.startsWith('/admin/articles?deleted=1') : status === 200 && (result?.ok === true || 'others' in (result ?? {}));
      if (!answered) failures.push(`${cell}: HTTP ${status} ${redirect ?? ''} ${JSON.stringify(result) ?? body.slice(0, 200)}, expected success`);
      try {
        row.succeeded(t, before, after);
      } catch (error) {
        failures.push(`${cell}: succeeded but not in the database: ${String(error).split('\n')[0]}`);
      }
      // A target the control changed is not reused (the heartbeat only reads).
      if (row.name !== 'editorHeartbeatAction') target = undefined;
    }
    expect(failures).toEqual([]);
  });
}
