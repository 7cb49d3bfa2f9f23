import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { visibleClause } from '../db/visibility';
import { parseSeedArticle } from '../lib/seed/parse-seed-article';
import type { ChildProcess } from 'node:child_process';
import { openE2eDatabase } from './helpers/e2e-db';
import { startSecondServer } from './helpers/second-server';

const seed = parseSeedArticle(fs.readFileSync(path.join(process.cwd(), 'db', 'fixtures', 'seed-article.txt'), 'utf8'));
const READER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

function seedArticleId(): number {
  const db = openE2eDatabase();
  try {
    return (db.prepare('select id from articles where title = ?').get(seed.title) as { id: number }).id;
  } finally {
    db.close();
  }
}

test.describe('a reader', () => {
  test('sees the home page with the top story, section blocks and the sidebar', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('header').first()).toContainText('龙泉新闻网');
    await expect(page.getByText('头条', { exact: true })).toBeVisible();
    for (const name of ['龙泉新闻', '国内新闻', '国际新闻', '通知公告']) {
      await expect(page.locator('main h2', { hasText: name }).first()).toBeVisible();
    }
    const sidebar = page.getByRole('complementary', { name: '侧栏' });
    for (const box of ['信息中心', '周热点', '国内新闻', '国际新闻']) {
      await expect(sidebar.getByRole('heading', { name: box })).toBeVisible();
    }
    await expect(sidebar.locator('section', { hasText: '周热点' }).getByRole('listitem')).toHaveCount(10);
    await expect(page.locator('footer')).toContainText('网站标识码');
  });

  test('pages through a section, newest first, 20 per page', async ({ page }) => {
    await page.goto('/news/longquan');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('龙泉新闻');
    const list = page.getByRole('list', { name: '文章列表' });
    await expect(list.getByRole('listitem')).toHaveCount(20);
    const dates = await list.locator('time').allTextContents();
    expect([...dates].sort().reverse()).toEqual(dates);
    const firstPageTitles = await list.getByRole('link').allTextContents();

    await page.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/news\/longquan\?page=2$/);
    await expect(page.locator('[aria-current="page"]')).toHaveText('2');
    const secondPageTitles = await list.getByRole('link').allTextContents();
    expect(secondPageTitles).toHaveLength(20);
    expect(secondPageTitles.filter((t) => firstPageTitles.includes(t))).toEqual([]);
    const secondDates = await list.locator('time').allTextContents();
    expect(secondDates[0]! <= dates[dates.length - 1]!).toBe(true);
  });

  test('sees a parent section list its children’s articles', async ({ page }) => {
    await page.goto('/news/news');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新闻');
    const labels = await page.getByRole('list', { name: '文章列表' }).locator('a span').allTextContents();
    expect(new Set(labels).size).toBeGreaterThan(1);
  });

  test('gets a 404 page for out-of-range and malformed pages', async ({ request, page }) => {
    for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'page=99999', 'page=', 'page=1e3']) {
      const response = await request.get(`/news/longquan?${query}`);
      expect(response.status(), query).toBe(404);
      expect(await response.text()).toContain('页面不存在');
    }
    expect((await request.get('/news/no-such-section')).status()).toBe(404);
    expect((await request.get('/hot?page=0')).status()).toBe(404);
    const response = await page.goto('/news/longquan?page=0');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  });

  test('reads the seed article as the newsroom published it', async ({ page }) => {
    const id = seedArticleId();
    await page.goto(`/news/longquan/${id}`);
    const crumb = page.getByRole('navigation', { name: '当前位置' });
    await expect(crumb).toHaveText('当前位置: 新闻 >> 龙泉新闻');
    await expect(crumb.getByRole('link', { name: '新闻', exact: true })).toHaveAttribute('href', '/news/news');
    await expect(crumb.getByRole('link', { name: '龙泉新闻' })).toHaveAttribute('href', '/news/longquan');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
    await expect(page.getByText('发布日期:2020-02-24')).toBeVisible();
    await expect(page.getByText('来源:原创')).toBeVisible();
    const paragraphs = await page.locator('#article-body p').allTextContents();
    expect(paragraphs).toEqual(seed.paragraphs);
    await expect(page.locator('.article-byline')).toHaveText('(记者张杰 廖玉蓉)');
  });

  test('moves to 上一篇 and 下一篇 within the section', async ({ page }) => {
    await page.goto('/news/longquan?page=2');
    const links = page.getByRole('list', { name: '文章列表' }).getByRole('link');
    const middle = links.nth(5);
    const middleTitle = await middle.textContent();
    const olderTitle = await links.nth(6).textContent();
    const newerTitle = await links.nth(4).textContent();
    await middle.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(middleTitle!);
    const nav = page.getByRole('navigation', { name: '上下篇' });
    await expect(nav.locator('p', { hasText: '上一篇' }).getByRole('link')).toHaveText(olderTitle!);
    await expect(nav.locator('p', { hasText: '下一篇' }).getByRole('link')).toHaveText(newerTitle!);
    await nav.locator('p', { hasText: '上一篇' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(olderTitle!);
    await page.getByRole('navigation', { name: '上下篇' }).locator('p', { hasText: '下一篇' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(middleTitle!);
  });

  test('switches the article’s type size with 大 中 小', async ({ page }) => {
    await page.goto(`/news/longquan/${seedArticleId()}`);
    const firstParagraph = page.locator('#article-body p').first();
    const size = async () => parseFloat(await firstParagraph.evaluate((el) => getComputedStyle(el).fontSize));
    const medium = await size();
    await page.getByRole('button', { name: '大', exact: true }).click();
    await expect(page.getByRole('button', { name: '大', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const large = await size();
    await page.getByRole('button', { name: '小', exact: true }).click();
    const small = await size();
    expect(large).toBeGreaterThan(medium);
    expect(small).toBeLessThan(medium);
  });

  test('follows each sidebar +更多 to its full list', async ({ page }) => {
    const expectations: Array<[string, RegExp, string]> = [
      ['信息中心', /\/news\/info$/, '信息中心'],
      ['周热点', /\/hot$/, '周热点'],
      ['国内新闻', /\/news\/domestic$/, '国内新闻'],
      ['国际新闻', /\/news\/international$/, '国际新闻'],
    ];
    for (const [box, url, heading] of expectations) {
      await page.goto('/');
      const sidebar = page.getByRole('complementary', { name: '侧栏' });
      const section = sidebar.locator('section', { has: page.getByRole('heading', { name: box }) });
      const firstItem = await section.getByRole('listitem').first().textContent();
      await section.getByRole('link', { name: `${box} 更多` }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // The box's newest entry is on page 1 of the full list: first in 周热点's ranking; in a
      // section list either first among the newest or among the 置顶 entries above them.
      const text = firstItem!.replace(/^\d+/, '').trim();
      if (box === '周热点') await expect(page.locator('main ol li').first()).toContainText(text);
      else await expect(page.locator('main li', { hasText: text }).first()).toBeVisible();
      if (box === '周热点') await expect(page.locator('main ol li')).toHaveCount(20);
    }
  });

  test('gets a 404 for an unknown, malformed or misfiled article', async ({ request }) => {
    const id = seedArticleId();
    for (const url of ['/news/longquan/99999999', '/news/longquan/abc', '/news/longquan/0', '/news/longquan/-1']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text()).toContain('页面不存在');
    }
    // The right id under a section that does not exist moves for good to the article's own URL.
    const db = openE2eDatabase();
    const { slug } = db.prepare('select s.slug from articles a join sections s on s.id = a.section_id where a.id = ?').get(id) as { slug: string };
    db.close();
    const moved = await request.get(`/news/no-such-section/${id}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(301);
    expect(new URL(moved.headers()['location']!, 'http://portal.invalid/news/no-such-section/').pathname).toBe(`/news/${slug}/${id}`);
  });

  test('raises an article into 周热点 with view beacons, after a flush', async ({ request }) => {
    const db = openE2eDatabase();
    const { id, title } = db
      .prepare(
        `select a.id, a.title from articles a where ${visibleClause('a')} and a.external_url is null
         and not exists (select 1 from article_views_daily v where v.article_id = a.id)
         order by a.published_at asc limit 1`,
      )
      .get({ now: Date.now() }) as { id: number; title: string };
    db.close();
    const hotTitles = async () => {
      const titles: string[] = [];
      for (let p = 1; p <= 50; p++) {
        const response = await request.get(`/hot?page=${p}`);
        if (response.status() === 404) break;
        titles.push(...[...(await response.text()).matchAll(/<a[^>]*href="\/news\/[^"]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!));
      }
      return titles;
    };
    expect(await hotTitles()).not.toContain(title);

    // Five readers, one of them sending the beacon twice: acknowledged, but one view per reader per day.
    for (const reader of [0, 1, 2, 3, 4, 4]) {
      const response = await request.post('/api/views', {
        data: JSON.stringify({ id }),
        headers: { 'user-agent': `${READER_UA} reader/${reader}`, 'content-type': 'text/plain' },
      });
      expect(response.status()).toBe(204);
    }
    // A crawler's beacon is acknowledged but not counted.
    await request.post('/api/views', { data: JSON.stringify({ id }), headers: { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' } });
    expect((await request.post('/api/views', { data: '{"id":99999999}', headers: { 'user-agent': READER_UA } })).status()).toBe(400);
    expect((await request.post('/api/views', { data: 'not json', headers: { 'user-agent': READER_UA } })).status()).toBe(400);

    await expect.poll(hotTitles, { timeout: 20_000, intervals: [1000] }).toContain(title);
    const check = openE2eDatabase();
    const stored = check.prepare('select sum(count) as n from article_views_daily where article_id = ?').get(id) as { n: number };
    check.close();
    expect(stored.n).toBe(5);
  });

  test('keeps every view a server acknowledged before it was stopped with SIGTERM', async ({ playwright }) => {
    // A second portal process (server.ts on the same build and database) whose view buffer
    // would not flush on its own during the test: only its SIGTERM handling can write the counts.
    const port = Number(process.env.E2E_PORT || 3200) + 3;
    const flushSetting = process.env.VIEW_FLUSH_MS;
    process.env.VIEW_FLUSH_MS = '600000';
    let server: ChildProcess;
    try {
      server = await startSecondServer(port);
    } finally {
      if (flushSetting === undefined) delete process.env.VIEW_FLUSH_MS;
      else process.env.VIEW_FLUSH_MS = flushSetting;
    }
    const id = seedArticleId();
    const stored = () => {
      const db = openE2eDatabase();
      try {
        return (db.prepare('select coalesce(sum(count), 0) as n from article_views_daily where article_id = ?').get(id) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    try {
      const before = stored();
      const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
      // Ten readers (one view each per article per day counts), each beacon acknowledged.
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, reader) =>
          request
            .post('/api/views', { data: JSON.stringify({ id }), headers: { 'user-agent': `${READER_UA} reader/${reader}`, 'content-type': 'text/plain' } })
            .then((r) => r.status()),
        ),
      );
      await request.dispose();
      expect(statuses).toEqual(Array.from({ length: 10 }, () => 204));
      expect(stored()).toBe(before); // still only in that process's memory
      const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stored()).toBe(before + 10);
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
  });

  test('reads at 360 px without horizontal scrolling', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    for (const url of ['/', '/news/longquan', `/news/longquan/${seedArticleId()}`, '/hot', '/news/nothing-here']) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
