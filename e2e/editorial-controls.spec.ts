import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { loginAs, type StaffRole } from './helpers/auth';
import { e2eRow } from './helpers/e2e-db';

/**
 * The editors' controls, through the staff UI and then as a reader: an editor makes an article
 * 头条 and pins it until a minute or two ahead, readers find it leading the home page and first
 * (marked 置顶) on page 1 of its section; when the pin's end comes the pin is gone with nobody
 * visiting. An article given a 定时下线 time leaves its page (404), its list, the feed and search
 * by itself at that minute. A reporter sees none of the controls, and a reporter's save forged to
 * carry flags is refused and changes nothing.
 *
 * "With nobody visiting": between setting the times and checking, no public page is requested,
 * so the first request after the time is answered from whatever the scheduler's refresh left in
 * the cache (a page nobody refreshed would still be served stale, the old content).
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PINNED_TITLE = `置顶头条测试 ${RUN}`;
const TAKEDOWN_TITLE = `定时下线测试 ${RUN}`;
const TAKEDOWN_WORD = `下线词${RUN}`;

type Staff = { context: BrowserContext; page: Page };

async function signIn(browser: Browser, role: StaffRole): Promise<Staff> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role);
  return { context, page };
}

function articleRow(id: number) {
  return e2eRow<Record<string, unknown> & { slug: string; title: string; pinned: number; headline_rank: number | null; version: number }>(
    'select a.*, s.slug from articles a join sections s on s.id = a.section_id where a.id = ?',
    id,
  );
}

/** The next whole minute at least `aheadMs` away, and how staff type it (Beijing time). */
function minuteAhead(aheadMs: number): { at: Date; local: string } {
  const at = new Date(Math.ceil((Date.now() + aheadMs) / 60_000) * 60_000);
  return { at, local: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16) };
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
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  await page.keyboard.type(body);
  await expect(page.getByTestId('save-status')).toContainText('已自动保存', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  return articleIdFromUrl(page);
}

async function publishNow(page: Page): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '审核通过并立即发布' }).click();
  await expect(page.getByTestId('article-status')).toHaveText('已发布');
}

async function statusOf(page: Page, path: string): Promise<number> {
  return (await page.request.get(path, { maxRedirects: 0 })).status();
}

let editor: Staff;
let reporter: Staff;
let pinnedId = 0;
let pinEnds: Date;
let takedownId = 0;
let takedownAt: Date;

test.beforeAll(async ({ browser }) => {
  editor = await signIn(browser, 'editor');
  reporter = await signIn(browser, 'reporter');
});

test.afterAll(async () => {
  await editor?.context.close();
  await reporter?.context.close();
});

test('an editor makes an article 头条 and pins it until a time ahead; readers see it lead', async ({ page }) => {
  const ed = editor.page;
  pinnedId = await writeDraft(ed, PINNED_TITLE, '这篇稿件由编辑设为头条并置顶。');
  const controls = ed.getByTestId('editorial-controls');
  await expect(controls.getByRole('group', { name: '位置与标记' })).toBeVisible();
  await controls.getByLabel('头条', { exact: true }).check();
  await controls.getByLabel('头条顺序(数字小的在前)').fill('1');
  await controls.getByLabel('置顶', { exact: true }).check();
  // Long enough for the checks below, short enough to watch it end.
  const end = minuteAhead(100_000);
  pinEnds = end.at;
  await controls.getByLabel('置顶结束时间(北京时间,可不填)').fill(end.local);
  // First among whatever else the seed pinned in the section.
  await controls.getByLabel('排序权重(大的在前)').fill('9999');
  // A slide without a cover is refused beside the field, before anything is sent.
  await controls.getByLabel('幻灯(首页图片新闻)').check();
  await expect(controls.getByText('设为幻灯需要封面图片:请先在上方上传封面。')).toBeVisible();
  await expect(controls.getByLabel('幻灯(首页图片新闻)')).toHaveAttribute('aria-invalid', 'true');
  // The controls, every one open and one in error, as assistive technology meets them.
  const axe = await new AxeBuilder({ page: ed }).include('[data-testid="editorial-controls"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  await controls.getByLabel('幻灯(首页图片新闻)').uncheck();
  await publishNow(ed);

  const row = articleRow(pinnedId);
  expect(row).toMatchObject({ status: 'published', headline_rank: 1, pinned: 1, pin_ends_at: pinEnds.getTime(), slide: 0, sort_weight: 9999 });

  // The admin list shows the marks.
  await ed.goto(`/admin/articles?q=${encodeURIComponent(PINNED_TITLE)}`);
  const listed = ed.getByRole('row').filter({ hasText: PINNED_TITLE });
  await expect(listed.getByTestId('editorial-marks')).toContainText('头条1');
  await expect(listed.getByTestId('editorial-marks')).toContainText('置顶');

  // As a reader: first on page 1 of its section, marked 置顶, and the home page's lead.
  await page.goto(`/news/${row.slug}`);
  const pinnedList = page.getByRole('list', { name: '置顶文章' });
  await expect(pinnedList.getByRole('listitem').first()).toContainText(PINNED_TITLE);
  await expect(pinnedList.getByRole('listitem').first()).toContainText('置顶');
  await page.goto('/');
  await expect(page.locator('#top-story')).toContainText(PINNED_TITLE);
});

test('an editor gives a published article a take-down time a minute ahead; readers still see it until then', async ({ page }) => {
  const ed = editor.page;
  takedownId = await writeDraft(ed, TAKEDOWN_TITLE, `这篇稿件到时自动下线。${TAKEDOWN_WORD}`);
  await publishNow(ed);
  // The editor as it opens for a published article (with its publication time).
  await ed.goto(`/admin/articles/${takedownId}`);
  const down = minuteAhead(70_000);
  takedownAt = down.at;
  const field = ed.getByTestId('editorial-controls').getByLabel('定时下线(北京时间,可不填)');
  // Before the publication time is refused beside the field.
  await field.fill('2000-01-01T08:00');
  await expect(ed.getByText(/定时下线时间必须晚于发布时间/)).toBeVisible();
  await field.fill(down.local);
  await ed.getByRole('button', { name: '保存', exact: true }).click();
  await expect(ed.getByTestId('save-status')).toContainText('已保存');
  expect(articleRow(takedownId).unpublish_at).toBe(takedownAt.getTime());

  await ed.goto(`/admin/articles?q=${encodeURIComponent(TAKEDOWN_TITLE)}`);
  const listed = ed.getByRole('row').filter({ hasText: TAKEDOWN_TITLE });
  await expect(listed.getByTestId('unpublish-at')).toContainText(new Date(takedownAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
  await ed.goto('about:blank');

  // Readers see it everywhere now, and these pages are in the cache from here on.
  const slug = articleRow(takedownId).slug;
  expect(await statusOf(page, `/news/${slug}/${takedownId}`)).toBe(200);
  await page.goto(`/news/${slug}`);
  await expect(page.getByRole('link', { name: TAKEDOWN_TITLE })).toHaveCount(1);
  expect(await (await page.request.get('/rss.xml')).text()).toContain(TAKEDOWN_TITLE);
  await page.goto(`/search?q=${encodeURIComponent(TAKEDOWN_WORD)}`);
  await expect(page.getByRole('link', { name: TAKEDOWN_TITLE })).toHaveCount(1);
});

test('a reporter sees no editorial controls, and a save forged to carry flags is refused and changes nothing', async () => {
  const page = reporter.page;
  const id = await writeDraft(page, `记者伪造测试 ${RUN}`, '记者的正文。');
  await expect(page.getByTestId('editorial-controls')).toHaveCount(0);
  const before = articleRow(id);
  // The reporter's own save request, with the editors' settings slipped in.
  await page.route('**/admin/articles/**', async (route) => {
    const request = route.request();
    const data = request.postData();
    if (request.method() === 'POST' && request.headers()['next-action'] && data?.includes('记者伪造测试')) {
      const args = JSON.parse(data) as Array<Record<string, unknown>>;
      args[0]!.editorial = {
        headlineRank: 1,
        pinned: true,
        pinEndsAt: '',
        recommended: true,
        slide: false,
        sortWeight: 99,
        titleColor: 'red',
        titleBold: true,
        shortTitle: '',
        unpublishAt: '',
        externalUrl: '',
        extraSectionIds: [],
      };
      await route.continue({ postData: JSON.stringify(args) });
    } else {
      await route.continue();
    }
  });
  await page.getByLabel('标题', { exact: true }).fill(`记者伪造测试 ${RUN} 改`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('save-status')).toContainText('记者不能设置头条、置顶、推荐、排序权重、标题颜色、标题加粗');
  // The route stays in place: the editor retries its save, and every try must be the forged one.
  expect(articleRow(id)).toEqual(before);
});

test('at their times, with nobody visiting, the pin ends and the taken-down article leaves page, list, feed and search', async ({ page }) => {
  test.setTimeout(300_000);
  const slugPinned = articleRow(pinnedId).slug;
  const slugDown = articleRow(takedownId).slug;
  // Wait past both times (plus the scheduler's moment to refresh) without requesting a public page.
  const until = Math.max(pinEnds.getTime(), takedownAt.getTime()) + 10_000;
  await page.waitForTimeout(Math.max(0, until - Date.now()));

  // The scheduler did it, not a visit: the pin is cleared and the take-down recorded.
  expect(articleRow(pinnedId)).toMatchObject({ pinned: 0, pin_ends_at: null, headline_rank: 1 });
  expect(e2eRow<{ n: number }>("select count(*) as n from audit_log where action = 'article.unpin' and target = ?", `article:${pinnedId}`).n).toBe(1);
  expect(e2eRow<{ n: number }>("select count(*) as n from audit_log where action = 'article.unpublish' and target = ?", `article:${takedownId}`).n).toBe(1);

  // First requests since the times: each shows the change already.
  expect(await statusOf(page, `/news/${slugDown}/${takedownId}`)).toBe(404);
  await page.goto(`/news/${slugDown}`);
  await expect(page.getByRole('link', { name: TAKEDOWN_TITLE })).toHaveCount(0);
  await page.goto(`/news/${slugPinned}`);
  await expect(page.getByRole('list', { name: '置顶文章' }).getByText(PINNED_TITLE)).toHaveCount(0);
  // Still listed (the pin ended, the article did not), just no longer marked.
  await expect(page.getByRole('link', { name: PINNED_TITLE })).toHaveCount(1);
  expect(await (await page.request.get('/rss.xml')).text()).not.toContain(TAKEDOWN_TITLE);
  await page.goto(`/search?q=${encodeURIComponent(TAKEDOWN_WORD)}`);
  await expect(page.getByRole('link', { name: TAKEDOWN_TITLE })).toHaveCount(0);
});
