import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { visibleClause } from '../db/visibility';
import { parseSeedArticle } from '../lib/seed/parse-seed-article';
import { registerSearchFunctions } from '../lib/search/sql-functions';
import { e2eDatabasePath } from './helpers/e2e-db';

/**
 * 站内搜索 as a reader uses it: the header form (also without JavaScript), results with marked
 * terms and paging, the empty and no-results states, hostile input, and a withdrawal that takes
 * the article out of the results at once.
 */
const seed = parseSeedArticle(fs.readFileSync(path.join(process.cwd(), 'db', 'fixtures', 'seed-article.txt'), 'utf8'));

test.describe('site search', () => {
  test('the header search box works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/news/longquan');
    const form = page.getByRole('search');
    await form.getByRole('searchbox', { name: '站内搜索' }).fill('龙泉');
    await form.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E9%BE%99%E6%B3%89$/);
    await expect(page.getByRole('heading', { level: 1, name: '站内搜索' })).toBeVisible();
    const total = Number(await page.getByTestId('search-total').textContent());
    expect(total).toBeGreaterThan(20);
    const results = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
    await expect(results).toHaveCount(20);
    await expect(results.first().locator('mark').first()).toHaveText(/龙泉/);
    await context.close();
  });

  test('finds the seed article by its exact title, first, with section and date', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(seed.title)}`);
    const first = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first();
    await expect(first.getByRole('link')).toHaveText(seed.title);
    await expect(first.locator('time')).toHaveText(seed.publishedDay);
    await expect(first).toContainText('龙泉新闻');
    await first.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  });

  test('pages through results and keeps the query and filters in the links', async ({ page }) => {
    await page.goto('/search?q=%E5%B7%A5%E4%BD%9C&sort=date');
    const titles = () => page.getByRole('list', { name: '搜索结果' }).getByRole('link').allTextContents();
    const first = await titles();
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/q=%E5%B7%A5%E4%BD%9C/);
    await expect(page).toHaveURL(/sort=date/);
    await expect(page).toHaveURL(/page=2/);
    const second = await titles();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((t) => first.includes(t)).length).toBeLessThan(second.length);
  });

  test('shows the empty state, and a no-results state that offers to drop the filters', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByTestId('search-empty')).toContainText('请输入要搜索的关键词');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    await page.goto('/search?q=%E9%BE%99%E6%B3%89&section=international&from=2000-01-01&to=2000-01-02');
    const none = page.getByTestId('search-no-results');
    await expect(none).toContainText('没有找到');
    await none.getByRole('link', { name: '去掉筛选条件重新搜索' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E9%BE%99%E6%B3%89$/);
    expect(Number(await page.getByTestId('search-total').textContent())).toBeGreaterThan(0);
  });

  test('answers hostile queries and bad filters with a page, never an error', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const q of ['"', 'AND(', 'NEAR(a b', '龙泉*', '-:^', '"unbalanced', '<script>alert(1)</script>', 'x'.repeat(500)]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: '站内搜索' })).toBeVisible();
    }
    // The markup in a query comes back as text: escaped in the HTML, shown as typed, never run.
    const script = '<script>alert(1)</script>';
    const response = await page.goto(`/search?q=${encodeURIComponent(script)}`);
    const html = await response!.text();
    expect(html).not.toContain(script);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    await expect(page.getByRole('form', { name: '搜索条件' }).getByRole('searchbox')).toHaveValue(script);
    expect(await page.title()).toContain(`搜索: ${script}`);
    expect(dialogs).toEqual([]);
    const filtered = await page.goto('/search?q=%E9%BE%99%E6%B3%89&from=2024-13-45&to=x&sort=best&page=abc&section=%2F..');
    expect(filtered?.status()).toBe(200);
    await expect(page.getByRole('status').first()).toContainText('已忽略无效的');
  });

  test('a withdrawn article leaves the results at once', async ({ page }) => {
    const db = new Database(e2eDatabasePath());
    registerSearchFunctions(db);
    try {
      // An old article (far from the home page and first section pages other specs look at).
      const row = db
        .prepare(`select id from articles where ${visibleClause()} and external_url is null order by published_at desc limit 1 offset 250`)
        .get({ now: Date.now() }) as { id: number };
      const title = (db.prepare('select title from articles where id = ?').get(row.id) as { title: string }).title;
      const link = page.locator(`ol[aria-label="搜索结果"] a[href$="/${row.id}"]`);
      await page.goto(`/search?q=${encodeURIComponent(title)}`);
      await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('link').first()).toHaveAttribute('href', new RegExp(`/${row.id}$`));

      db.prepare(`update articles set status = 'withdrawn' where id = ?`).run(row.id);
      try {
        await page.goto(`/search?q=${encodeURIComponent(title)}`);
        await expect(page.getByRole('heading', { level: 1, name: '站内搜索' })).toBeVisible();
        await expect(link).toHaveCount(0);
      } finally {
        db.prepare(`update articles set status = 'published' where id = ?`).run(row.id);
      }
      await page.goto(`/search?q=${encodeURIComponent(title)}`);
      await expect(link).toHaveCount(1);
    } finally {
      db.close();
    }
  });

  for (const url of ['/search', '/search?q=%E9%BE%99%E6%B3%89', '/search?q=%E6%97%A0%E6%AD%A4%E8%AF%8Dxyz&section=domestic']) {
    test(`axe-core finds no violation on ${url}`, async ({ page }) => {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }

  test('the home page tells crawlers how to search', async ({ page }) => {
    await page.goto('/');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const website = blocks.map((b) => JSON.parse(b) as Record<string, unknown>).find((b) => b['@type'] === 'WebSite');
    expect(website?.potentialAction).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: expect.stringMatching(/\/search\?q=\{search_term_string\}$/) },
    });
  });
});
