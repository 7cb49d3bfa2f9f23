import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { loginAs, type StaffRole } from './helpers/auth';
import { openE2eDatabase } from './helpers/e2e-db';

/**
 * The editor's tools: pasting from Word/WPS, the unsaved-changes guard, revisions with a diff
 * and restore (an edit of a published article reaches readers at once), and sections.
 */
const RUN = Date.now().toString(36);

async function signIn(browser: Browser, role: StaffRole): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role);
  return { context, page };
}

function dbGet<T>(sql: string, ...params: unknown[]): T {
  const db = openE2eDatabase();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

async function newDraft(page: Page, title: string, body = '正文。'): Promise<number> {
  await page.goto('/admin/articles/new');
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByRole('textbox', { name: '正文' }).click();
  await page.keyboard.type(body);
  await expect(page.getByTestId('save-status')).toContainText('已自动保存', { timeout: 15_000 });
  return Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-size:12pt}</style></head><body>
<!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]-->
<h1 style="mso-outline-level:1"><span style="font-family:黑体">会议要点</span></h1>
<p class="MsoNormal" style="text-indent:2em"><b><span style="color:red;font-size:16pt">加粗</span></b>普通文字<i>斜体</i><o:p></o:p></p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp;</span></span>第一项</p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp;</span></span>第二项</p>
<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tr><td width="200" style="width:100pt;background:yellow"><p class="MsoNormal">单元格</p></td></tr></table>
<blockquote style="margin-left:30pt"><p class="MsoNormal">引用的话</p></blockquote>
</body></html>`;

test('pasting from Word keeps headings, emphasis, lists, tables and quotes and drops the styling', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'reporter');
  const id = await newDraft(page, `粘贴测试 ${RUN}`, '开头。');
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: '正文' }).evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '会议要点');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_HTML);
  await expect
    .poll(() => dbGet<{ body: string }>('select body from articles where id = ?', id).body, { timeout: 15_000 })
    .toContain('单元格');
  const body = dbGet<{ body: string }>('select body from articles where id = ?', id).body;
  expect(body).toContain('<h2>会议要点</h2>');
  expect(body).toContain('<strong>加粗</strong>普通文字<em>斜体</em>');
  expect(body).toMatch(/<ul><li><p>第一项<\/p><\/li><li><p>第二项<\/p><\/li><\/ul>/);
  expect(body).toContain('<table><tbody><tr><td><p>单元格</p></td></tr></tbody></table>');
  expect(body).toContain('<blockquote><p>引用的话</p></blockquote>');
  for (const noise of ['style=', 'class=', 'Mso', '<span', 'o:p', '·', 'width=']) expect(body, noise).not.toContain(noise);
  await context.close();
});

test('leaving with unsaved changes asks first', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'editor');
  const id = await newDraft(page, `离开测试 ${RUN}`);
  // A published piece does not autosave, so the edit stays unsaved.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '审核通过并立即发布' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('已发布');
  await page.getByLabel('摘要').fill('还没保存的摘要');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.accept();
    }),
  );
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  await closed;
  expect(dbGet<{ summary: string }>('select summary from articles where id = ?', id).summary).toBe('');
  await context.close();
});

test('an edit of a published article keeps a revision, shows a diff and can be restored; readers see each at once', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'editor');
  const title = `修订测试 ${RUN}`;
  const id = await newDraft(page, title, '第一版正文。');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '审核通过并立即发布' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('已发布');
  const { slug } = dbGet<{ slug: string }>('select s.slug from articles a join sections s on s.id = a.section_id where a.id = ?', id);
  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}/${id}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.getByLabel('标题', { exact: true }).fill(`${title} 改`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`${title} 改`);

  await page.goto(`/admin/articles/${id}/revisions`);
  const list = page.getByRole('navigation', { name: '修订列表' }).getByRole('link');
  await expect(list).toHaveCount(2);
  await list.nth(1).click();
  await expect(page.locator('ins')).toHaveText(' 改');
  await page.getByRole('button', { name: '恢复此版本' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已恢复' })).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.reload();
  await expect(list).toHaveCount(3);
  await context.close();
});

test('sections: create, validate, rename, delete only when empty, and readers see the navigation change', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'editor');
  page.on('dialog', (d) => void d.accept());
  await page.goto('/admin/sections');
  const create = page.getByRole('region', { name: '新建栏目' });
  const name = `专题${RUN}`;
  await create.getByLabel('名称').fill(name);
  await create.getByLabel('别名').fill('longquan');
  await create.getByRole('button', { name: '新建' }).click();
  await expect(create.getByRole('alert')).toContainText('已被其他栏目使用');
  await create.getByLabel('别名').fill(`zt-${RUN}`);
  await create.getByRole('button', { name: '新建' }).click();
  await expect(create.getByRole('status')).toHaveText('已保存。');

  const reader = await browser.newPage();
  await reader.goto('/');
  await expect(reader.locator('header').getByRole('link', { name, exact: true })).toBeVisible();

  await page.reload();
  const row = page.getByRole('listitem').filter({ hasText: `/news/zt-${RUN}` });
  await row.getByLabel('名称').fill(`${name}改`);
  await row.getByRole('button', { name: '保存修改' }).click();
  await expect(row.getByRole('status')).toHaveText('已保存。');
  await reader.reload();
  await expect(reader.locator('header').getByRole('link', { name: `${name}改`, exact: true })).toBeVisible();

  const held = page.getByRole('listitem').filter({ hasText: '/news/longquan' }).first();
  await held.getByRole('button', { name: /^删除/ }).first().click();
  await expect(held.getByRole('alert').first()).toContainText('篇稿件');
  expect(dbGet<{ n: number }>("select count(*) as n from sections where slug = 'longquan'").n).toBe(1);

  await page.reload();
  await page.getByRole('listitem').filter({ hasText: `/news/zt-${RUN}` }).getByRole('button', { name: `删除 ${name}改` }).click();
  await expect.poll(() => dbGet<{ n: number }>('select count(*) as n from sections where slug = ?', `zt-${RUN}`).n).toBe(0);
  await reader.reload();
  await expect(reader.locator('header').getByRole('link', { name: `${name}改`, exact: true })).toHaveCount(0);
  await context.close();
});

test('reporters cannot manage sections', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'reporter');
  const response = await page.goto('/admin/sections');
  expect(response?.status()).toBe(403);
  await context.close();
});

test('the rich-text editor ships only to staff pages, not in public pages\' bundles', async ({ browser }) => {
  const scriptsOf = async (page: Page, path: string): Promise<string[]> => {
    const bodies: Array<Promise<string>> = [];
    const onResponse = (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script') bodies.push(r.text().catch(() => ''));
    };
    page.on('response', onResponse);
    await page.goto(path, { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    return Promise.all(bodies);
  };
  const { slug, id } = dbGet<{ slug: string; id: number }>(
    "select s.slug, a.id from articles a join sections s on s.id = a.section_id where a.status = 'published' order by a.published_at desc limit 1",
  );
  const reader = await browser.newPage();
  for (const path of ['/', `/news/${slug}`, `/news/${slug}/${id}`]) {
    const scripts = await scriptsOf(reader, path);
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(scripts.some((js) => js.includes('ProseMirror')), path).toBe(false);
  }
  const { context, page } = await signIn(browser, 'reporter');
  expect((await scriptsOf(page, '/admin/articles/new')).some((js) => js.includes('ProseMirror'))).toBe(true);
  await context.close();
  await reader.close();
});
