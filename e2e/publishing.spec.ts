import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, expect, request as playwrightRequest, test } from '@playwright/test';
import sharp from 'sharp';
import { visibleClause } from '../db/visibility';
import { loginAs, type StaffRole } from './helpers/auth';
import { e2eRow } from './helpers/e2e-db';
import { startSecondServer } from './helpers/second-server';

/**
 * The newsroom's day: a reporter writes and submits, cannot publish (not in the UI, not by a
 * forged call), an editor publishes and readers see it at once; a scheduled piece goes live on
 * its own; withdrawing takes it away; bodies are sanitised; uploads are checked by content;
 * concurrent edits are never silently overwritten.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const XSS_MARKER = `XSS-${RUN}`;
const XSS_PAYLOAD = [
  `<p>${XSS_MARKER} 正文开头</p>`,
  '<script>window.__xss = 1</script>',
  '<img src="x" onerror="window.__xss = 2">',
  '<p><a href="javascript:window.__xss=3">点我</a></p>',
  '<svg onload="window.__xss = 4"><circle r="1"></circle></svg>',
  '<p style="width: expression(alert(1)); background:url(javascript:alert(1))">样式注入</p>',
  '<iframe src="https://evil.example/"></iframe>',
  '<p><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj4=" alt="x"></p>',
].join('');

type Staff = { context: BrowserContext; page: Page };

async function signIn(browser: Browser, role: StaffRole, username?: string): Promise<Staff> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role, { username });
  return { context, page };
}

function articleInfo(id: number) {
  return e2eRow<{ status: string; version: number; body: string; title: string; slug: string }>(
    'select a.status, a.version, a.body, a.title, s.slug from articles a join sections s on s.id = a.section_id where a.id = ?',
    id,
  );
}

function articleIdFromUrl(page: Page): number {
  const m = /\/admin\/articles\/(\d+)/.exec(page.url());
  if (!m) throw new Error(`not an editor URL: ${page.url()}`);
  return Number(m[1]);
}

/** Writes a new draft through the editor and waits for the autosave that creates it. */
async function writeDraft(page: Page, title: string, body: string): Promise<number> {
  await page.goto('/admin/articles/new');
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByLabel('摘要').fill(`${title} 的摘要`);
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  await page.keyboard.type(body);
  await expect(page.getByTestId('save-status')).toContainText('已自动保存', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  return articleIdFromUrl(page);
}

async function publicStatus(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return response.status();
}

let submittedId = 0;
let reporter: Staff;
let editor: Staff;

test.beforeAll(async ({ browser }) => {
  reporter = await signIn(browser, 'reporter');
  editor = await signIn(browser, 'editor');
});

test.afterAll(async () => {
  await reporter?.context.close();
  await editor?.context.close();
});

test('a reporter writes and submits a draft and cannot publish it', async () => {
  const page = reporter.page;
  const title = `记者稿件 ${RUN}`;
  submittedId = await writeDraft(page, title, '这是记者写的一段正文。');
  await expect(page.getByRole('button', { name: '审核通过并立即发布' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '定时发布' })).toHaveCount(0);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('待审核');
  expect(articleInfo(submittedId).status).toBe('in_review');
  // Submitted: the reporter can no longer publish, nor edit.
  await expect(page.getByRole('button', { name: '审核通过并立即发布' })).toHaveCount(0);

  // A forged call of the publish action with the reporter's session: the action's id is taken
  // from the editor's page (it is the same server action for everyone) and posted as the form would.
  await editor.page.goto(`/admin/articles/${submittedId}`);
  const publishForm = editor.page.locator('form[data-workflow="publish"]');
  await expect(publishForm).toHaveCount(1);
  const hidden = await publishForm.locator('input[type="hidden"]').evaluateAll((inputs) =>
    inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
  );
  const descriptor = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  const actionId = descriptor ? (JSON.parse(descriptor) as { id: string }).id : undefined;
  expect(actionId, 'the publish form posts to a server action').toBeTruthy();
  const before = articleInfo(submittedId);
  // The call exactly as React's client sends it: Next-Action header, arguments (null, FormData)
  // encoded as multipart with the form's fields under reference 1.
  const forged = await page.request.post(`/admin/articles/${submittedId}`, {
    multipart: { '0': '[null,"$K1"]', '1_id': String(submittedId), '1_version': String(before.version) },
    headers: { 'Next-Action': actionId!, Accept: 'text/x-component', Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect([401, 403]).toContain(forged.status());
  expect(articleInfo(submittedId)).toEqual(before);
  // And with no session at all.
  const anonymous = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin });
  const anon = await anonymous.post(`/admin/articles/${submittedId}`, {
    multipart: { '0': '[null,"$K1"]', '1_id': String(submittedId), '1_version': String(before.version) },
    headers: { 'Next-Action': actionId!, Accept: 'text/x-component', Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect([401, 403]).toContain(anon.status());
  await anonymous.dispose();
  expect(articleInfo(submittedId)).toEqual(before);
});

test('an editor approves it and readers see it at once on home, section and article pages', async ({ page }) => {
  const info = articleInfo(submittedId);
  const articleUrl = `/news/${info.slug}/${submittedId}`;
  // Warm the caches first, so the test proves revalidation rather than a first render.
  expect([404, 410]).toContain(await publicStatus(page, articleUrl));
  await page.request.get('/');
  await page.request.get(`/news/${info.slug}`);

  const ed = editor.page;
  await ed.goto(`/admin/articles/${submittedId}`);
  ed.once('dialog', (d) => void d.accept());
  await ed.getByRole('button', { name: '审核通过并立即发布' }).click();
  await expect(ed.getByTestId('article-status')).toHaveText('已发布');
  expect(articleInfo(submittedId).status).toBe('published');

  const response = await page.goto(articleUrl);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.title);
  await page.goto('/');
  await expect(page.getByRole('link', { name: info.title }).first()).toBeVisible();
  await page.goto(`/news/${info.slug}`);
  await expect(page.getByRole('link', { name: info.title }).first()).toBeVisible();
});

test('withdrawing makes the article page gone for readers and drops it from lists', async ({ page }) => {
  const info = articleInfo(submittedId);
  const ed = editor.page;
  await ed.goto(`/admin/articles/${submittedId}`);
  ed.once('dialog', (d) => void d.accept());
  await ed.getByRole('button', { name: '撤稿' }).click();
  await expect(ed.getByTestId('article-status')).toHaveText('已撤稿');

  expect([404, 410]).toContain(await publicStatus(page, `/news/${info.slug}/${submittedId}`));
  await page.goto('/');
  await expect(page.getByRole('link', { name: info.title })).toHaveCount(0);
  await page.goto(`/news/${info.slug}`);
  await expect(page.getByRole('link', { name: info.title })).toHaveCount(0);
});

test('an article scheduled a minute ahead appears by itself, with no admin activity', async ({ page }) => {
  test.setTimeout(240_000);
  const ed = editor.page;
  const title = `定时稿件 ${RUN}`;
  const id = await writeDraft(ed, title, '这篇稿件定时发布。');
  // The next whole minute at least 60 s away, typed as Beijing time.
  const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
  await ed.getByLabel('发布时间(北京时间)').fill(local);
  await ed.getByRole('button', { name: '定时发布' }).click();
  await expect(ed.getByTestId('article-status')).toHaveText('定时发布');
  const info = articleInfo(id);
  expect(info.status).toBe('scheduled');
  await ed.goto('about:blank');

  const articleUrl = `/news/${info.slug}/${id}`;
  expect([404, 410]).toContain(await publicStatus(page, articleUrl));
  await page.request.get('/');
  await expect
    .poll(async () => publicStatus(page, articleUrl), { timeout: 180_000, intervals: [5_000] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  expect(articleInfo(id).status).toBe('published');
  await page.goto('/');
  await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
});

test('XSS payloads are gone from the stored and the rendered body', async () => {
  const page = reporter.page;
  // Replace the body of the editor's real save request with raw payloads, so the server's
  // sanitiser (not the editor's own parser) is what is tested.
  await page.route('**/admin/articles/**', async (route) => {
    const request = route.request();
    const data = request.postData();
    if (request.method() === 'POST' && request.headers()['next-action'] && data?.includes(XSS_MARKER)) {
      const args = JSON.parse(data) as Array<{ fields: { body: string } }>;
      args[0]!.fields.body = XSS_PAYLOAD;
      await route.continue({ postData: JSON.stringify(args) });
    } else {
      await route.continue();
    }
  });
  const id = await writeDraft(page, `安全测试 ${RUN}`, `${XSS_MARKER} 正文开头`);
  await page.unroute('**/admin/articles/**');
  const stored = articleInfo(id).body;
  expect(stored).toContain(XSS_MARKER);
  expect(stored).toContain('样式注入');
  for (const bad of ['<script', 'onerror', 'javascript:', '<svg', 'onload', 'expression(', 'style=', '<iframe', 'data:']) {
    expect(stored, bad).not.toContain(bad);
  }

  await page.goto(`/admin/articles/${id}/preview`);
  const rendered = await page.locator('#article-body').innerHTML();
  expect(rendered).toContain(XSS_MARKER);
  for (const bad of ['<script', 'onerror', 'javascript:', '<svg', 'onload', 'expression(', 'style=', '<iframe']) {
    expect(rendered, bad).not.toContain(bad);
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('images: a text file renamed .jpg is refused, a real picture is stored and served with long caching', async () => {
  const page = reporter.page;
  await writeDraft(page, `图片稿件 ${RUN}`, '配图稿件。');
  await page.getByRole('button', { name: '插入图片' }).click();
  const panel = page.getByRole('group', { name: '插入正文图片' });
  await panel.getByLabel('图片文件').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这只是一个改了扩展名的文本文件\n') });
  await panel.getByLabel('替代文字(必填)').fill('现场照片');
  await panel.getByRole('button', { name: '上传并插入' }).click();
  await expect(panel.getByRole('alert')).toContainText('只能上传 JPEG、PNG、WebP 或 GIF');

  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2060a0' } }).png().toBuffer();
  await panel.getByLabel('图片文件').setInputFiles({ name: 'scene.txt', mimeType: 'text/plain', buffer: png });
  await panel.getByLabel('图片说明').fill('活动现场');
  await panel.getByRole('button', { name: '上传并插入' }).click();
  const figure = page.getByRole('textbox', { name: '正文' }).locator('figure');
  await expect(figure.locator('figcaption')).toHaveText('活动现场');
  const src = await figure.locator('img').getAttribute('src');
  expect(src).toMatch(/^\/media\/images\/[a-f0-9]{64}-960\.webp$/);
  expect(await figure.locator('img').getAttribute('alt')).toBe('现场照片');
  const image = await page.request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  expect(image.headers()['cache-control']).toContain('immutable');
  expect((await sharp(await image.body()).metadata()).width).toBe(960);

  // The figure survives the autosave and the server's sanitiser.
  const id = articleIdFromUrl(page);
  await expect
    .poll(() => articleInfo(id).body, { timeout: 15_000 })
    .toContain(`<figure><img src="${src}" alt="现场照片" /><figcaption>活动现场</figcaption></figure>`);
});

test('two staff editing at once are told, and the later save is refused without losing its text', async () => {
  const mine = reporter.page;
  const id = await writeDraft(mine, `并发稿件 ${RUN}`, '两个人同时编辑。');
  const theirs = editor.page;
  await theirs.goto(`/admin/articles/${id}`);
  await expect(theirs.getByRole('status').filter({ hasText: '也正在编辑' })).toContainText('测试记者');
  await theirs.getByLabel('标题', { exact: true }).fill(`并发稿件 ${RUN} 编辑改过`);
  await theirs.getByRole('button', { name: '保存', exact: true }).click();
  await expect(theirs.getByTestId('save-status')).toContainText(/已(自动)?保存/);
  const afterEditor = articleInfo(id);

  const myTitle = `并发稿件 ${RUN} 记者后改`;
  await mine.getByLabel('标题', { exact: true }).fill(myTitle);
  await expect(mine.getByTestId('save-status')).toContainText('已被他人修改', { timeout: 15_000 });
  await expect(mine.getByLabel('标题', { exact: true })).toHaveValue(myTitle);
  expect(articleInfo(id)).toEqual(afterEditor);
});

test('the dashboard, lists, sections and the editor have no axe violations', async () => {
  const page = editor.page;
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  for (const path of ['/admin/articles?status=draft', '/admin/sections']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations, path).toEqual([]);
  }
  const id = await writeDraft(page, `无障碍检查 ${RUN}`, '检查编辑器。');
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByRole('textbox', { name: '正文' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a second portal process on the same database shows an edit and a withdrawal made through the first within seconds', async () => {
  const port = Number(process.env.E2E_PORT || 3200) + 2;
  const second = await startSecondServer(port);
  try {
    const { id, slug, title } = e2eRow<{ id: number; slug: string; title: string }>(
      `select a.id, s.slug, a.title from articles a join sections s on s.id = a.section_id
       where a.status = 'published' and ${visibleClause('a')} and a.external_url is null and s.slug = 'international'
       order by a.published_at desc limit 1 offset 3`,
      { now: Date.now() },
    );
    const articleUrl = `http://127.0.0.1:${port}/news/${slug}/${id}`;
    const listUrl = `http://127.0.0.1:${port}/news/${slug}`;
    const html = async (url: string) => (await fetch(url)).text();
    // The second process has both pages in its own cache before anything changes.
    expect(await html(articleUrl)).toContain(title);
    expect(await html(listUrl)).toContain(title);
    expect((await fetch(articleUrl)).headers.get('x-nextjs-cache')).toBe('HIT');
    expect((await fetch(listUrl)).headers.get('x-nextjs-cache')).toBe('HIT');

    // A correction through the first process (its cache revalidates at once; the second's follows the shared log).
    const corrected = `${title}(更正 ${RUN})`;
    const ed = editor.page;
    await ed.goto(`/admin/articles/${id}`);
    await ed.getByLabel('标题', { exact: true }).fill(corrected);
    await ed.getByRole('button', { name: '保存', exact: true }).click();
    await expect(ed.getByTestId('save-status')).toContainText('已保存');
    await expect.poll(() => html(articleUrl), { timeout: 15_000 }).toContain(corrected);
    await expect.poll(() => html(listUrl), { timeout: 15_000 }).toContain(corrected);

    // A withdrawal: gone at once (410 is answered live), and out of the second process's cached list within seconds.
    ed.once('dialog', (d) => void d.accept());
    await ed.getByRole('button', { name: '撤稿' }).click();
    await expect(ed.getByTestId('article-status')).toHaveText('已撤稿');
    expect((await fetch(articleUrl)).status).toBe(410);
    await expect.poll(() => html(listUrl), { timeout: 15_000 }).not.toContain(corrected);
  } finally {
    second.kill('SIGTERM');
  }
});
