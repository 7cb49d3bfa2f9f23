import { expect, type Page, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { visibleClause } from '../db/visibility';
import { articlePath, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '../lib/routes';
import { writeE2eDatabase } from './helpers/e2e-db';

/**
 * A reader meets the editors' decisions: the 头条 in the order the editors ranked them, the 推荐
 * block, a 置顶 entry first on its section's page 1, an article listed in a second section that
 * links to its one URL in its home section, and an external entry marked as such and linking
 * out, whose would-be article URL is a 404 and which no sitemap lists. The flags are written
 * straight into the e2e database (the staff side has its own specs), followed by a logged
 * refresh the server picks up.
 */
type Picked = { id: number; title: string; slug: string };
const EXTERNAL = { title: '外部转载条目测试', url: 'https://example.org/e2e/zhuanzai' };
let leads: Picked[] = [];
let picks: Picked[] = [];
let pinned: Picked;
let shared: Picked;
let externalId = 0;

test.beforeAll(() => {
  const now = Date.now();
  writeE2eDatabase((db) => {
    const visible = (where: string, limit: number, offset = 0) =>
      db
        .prepare(
          `select a.id, a.title, s.slug from articles a join sections s on s.id = a.section_id
           where ${visibleClause('a')} and a.external_url is null and ${where}
           order by a.published_at desc, a.id desc limit ${limit} offset ${offset}`,
        )
        .all({ now }) as Picked[];
    db.exec(`update articles set headline_rank = null, recommended = 0, pinned = 0, pin_ends_at = null, sort_weight = 0;
             delete from article_sections;`);
    // 头条: three older stories, ranked out of their date order.
    leads = visible('1', 3, 40);
    const rank = db.prepare('update articles set headline_rank = ? where id = ?');
    [2, 1, 3].forEach((r, i) => rank.run(r, leads[i]!.id));
    leads = [leads[1]!, leads[0]!, leads[2]!];
    // 推荐: the lighter one is newer, so the weight decides.
    picks = visible('1', 2, 60);
    db.prepare('update articles set recommended = 1, sort_weight = 1 where id = ?').run(picks[0]!.id);
    db.prepare('update articles set recommended = 1, sort_weight = 7 where id = ?').run(picks[1]!.id);
    picks = [picks[1]!, picks[0]!];
    // 置顶: an old 国内新闻 story, pinned with an end time still to come.
    pinned = visible(`s.slug = 'domestic'`, 1, 30)[0]!;
    db.prepare('update articles set pinned = 1, pin_ends_at = ? where id = ?').run(now + 86_400_000, pinned.id);
    // 一稿多发: the newest 国际新闻 story, also listed in 国内新闻.
    shared = visible(`s.slug = 'international'`, 1)[0]!;
    db.prepare(`insert into article_sections (article_id, section_id) select ?, id from sections where slug = 'domestic'`).run(shared.id);
    db.prepare('update articles set published_at = ? where id = ?').run(now - 120_000, shared.id);
    // 跳转: an external entry in 国内新闻.
    const at = now - 60_000;
    externalId = Number(
      db
        .prepare(
          `insert into articles (section_id, title, summary, body, source, byline, status, published_at, created_at, updated_at, external_url)
           values ((select id from sections where slug = 'domestic'), ?, '', '', '示例网', '[]', 'published', ?, ?, ?, ?)`,
        )
        .run(EXTERNAL.title, at, at, at, EXTERNAL.url).lastInsertRowid,
    );
  });
});

/** Reloads until the page shows the change (the server follows the invalidation log every 2 s). */
async function openFresh(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await ready(page);
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
}

test('the home page leads with the ranked 头条 and shows 推荐 by weight', async ({ page }) => {
  await openFresh(page, '/', async (p) => {
    await expect(p.locator('#top-story')).toHaveText(leads[0]!.title, { timeout: 1000 });
  });
  const lead = page.getByRole('region', { name: leads[0]!.title });
  await expect(lead.getByRole('link', { name: leads[0]!.title })).toHaveAttribute('href', articlePath(leads[0]!.slug, leads[0]!.id));
  const beneath = lead.getByRole('list', { name: '文章列表' }).getByRole('link');
  await expect(beneath.nth(0)).toHaveAttribute('href', articlePath(leads[1]!.slug, leads[1]!.id));
  await expect(beneath.nth(1)).toHaveAttribute('href', articlePath(leads[2]!.slug, leads[2]!.id));

  const recommended = page.getByRole('region', { name: '推荐' });
  await expect(recommended.getByRole('heading', { name: '推荐' })).toBeVisible();
  const links = recommended.getByRole('link');
  // The spec cleared every other 推荐 flag: its own two, heavier first.
  await expect(links).toHaveCount(picks.length);
  await expect(links.nth(0)).toHaveAttribute('href', articlePath(picks[0]!.slug, picks[0]!.id));
  await expect(links.nth(1)).toHaveAttribute('href', articlePath(picks[1]!.slug, picks[1]!.id));
});

test('a section page shows its 置顶 entry first, then the newest without it, and lists a cross-listed article at its one URL', async ({ page }) => {
  const path = '/news/domestic';
  await openFresh(page, path, async (p) => {
    await expect(p.getByRole('list', { name: '置顶文章' })).toBeVisible({ timeout: 1000 });
  });
  const pinnedList = page.getByRole('list', { name: '置顶文章' });
  const first = pinnedList.getByRole('link').first();
  await expect(first).toHaveAttribute('href', articlePath(pinned.slug, pinned.id));
  await expect(first).toContainText('置顶');
  await expect(first.locator('.pin-mark')).toBeVisible();
  // The pinned list comes before the newest-first one in the page.
  const order = await page.locator('ul[aria-label]').evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label')));
  expect(order.indexOf('置顶文章')).toBeLessThan(order.indexOf('文章列表'));

  const list = page.getByRole('list', { name: '文章列表' });
  await expect(list.getByRole('listitem')).toHaveCount(20);
  await expect(list.locator(`a[href="${articlePath(pinned.slug, pinned.id)}"]`)).toHaveCount(0);
  // 一稿多发: listed here once, linking to its home section's URL (no /news/domestic/<id> page).
  await expect(list.locator(`a[href="${articlePath('international', shared.id)}"]`)).toHaveCount(1);
  await expect(page.locator(`a[href="${articlePath('domestic', shared.id)}"]`)).toHaveCount(0);

  await list.locator(`a[href="${articlePath('international', shared.id)}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${articlePath('international', shared.id)}$`));
  await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('国际新闻');
  // Its would-be URL in the second section is not a second page: 301 to the one URL.
  const other = await page.request.get(articlePath('domestic', shared.id), { maxRedirects: 0 });
  expect(other.status()).toBe(301);
  expect(other.headers()['location']).toBe(articlePath('international', shared.id));
});

test('an external entry is marked, links out, has no page and is in no sitemap', async ({ page, request }) => {
  // Its name is the title, then what the hidden text says: (外部链接).
  const name = new RegExp(`^${EXTERNAL.title}\\s*\\(外部链接\\)$`);
  const list = (p: Page) => p.getByRole('list', { name: '文章列表' });
  await openFresh(page, '/news/domestic', async (p) => {
    await expect(list(p).getByRole('link', { name })).toBeVisible({ timeout: 1000 });
  });
  const link = list(page).getByRole('link', { name });
  await expect(link).toHaveAttribute('href', EXTERNAL.url);
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  await expect(link.locator('.ext-mark')).toBeVisible();
  await expect(link.locator('.ext-mark')).toHaveText('↗');

  const wouldBe = await request.get(articlePath('domestic', externalId), { maxRedirects: 0 });
  expect(wouldBe.status()).toBe(404);
  const elsewhere = await request.get(articlePath('longquan', externalId), { maxRedirects: 0 });
  expect(elsewhere.status()).toBe(404);

  const xml = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });
  const index = xml.parse(await (await request.get(SITEMAP_INDEX_PATH)).text()) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
  const bySitemap = new Map<string, string[]>();
  for (const { loc } of index.sitemapindex.sitemap) {
    const doc = xml.parse(await (await request.get(new URL(loc).pathname)).text()) as { urlset: { url?: Array<{ loc: string }> } };
    bySitemap.set(new URL(loc).pathname, (doc.urlset.url ?? []).map((u) => new URL(u.loc).pathname));
  }
  const locs = [...bySitemap.values()].flat();
  expect(locs.filter((l) => l.endsWith(`/${externalId}`))).toEqual([]);
  // The cross-listed article: once among the article sitemaps, at its one URL (the Google News
  // sitemap, a separate list of the last two days, names it too, at the same URL).
  const articleLocs = [...bySitemap].filter(([path]) => path !== NEWS_SITEMAP_PATH).flatMap(([, l]) => l);
  expect(articleLocs.filter((l) => l.endsWith(`/${shared.id}`))).toEqual([articlePath('international', shared.id)]);
  expect(bySitemap.get(NEWS_SITEMAP_PATH)?.filter((l) => l.endsWith(`/${shared.id}`))).toEqual([articlePath('international', shared.id)]);
});
