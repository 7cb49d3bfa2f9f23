import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { latestArticlePath } from './helpers/e2e-db';

/**
 * Every reader, including elderly and disabled ones (GB/T 37668, 适老化): axe-core finds no
 * violation, each page has its landmarks and one h1, the keyboard path works and is visible,
 * elder mode persists, and an article prints alone.
 */

const PUBLIC_PAGES = ['/', '/news/longquan', '/news/news?page=2', 'ARTICLE', '/hot', '/no-such-page'];

function resolve(path: string): string {
  return path === 'ARTICLE' ? latestArticlePath() : path;
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe('accessibility', () => {
  for (const path of [...PUBLIC_PAGES, '/admin/login']) {
    test(`axe-core finds no violation on ${path}`, async ({ page }) => {
      await page.goto(resolve(path));
      expect(await axe(page)).toEqual([]);
    });
  }

  test('axe-core finds no violation in elder mode either', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: '长者模式' }).click();
    for (const path of ['/', resolve('ARTICLE')]) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass(/\belder\b/);
      expect(await axe(page)).toEqual([]);
    }
  });

  for (const path of PUBLIC_PAGES) {
    test(`${path} has the landmarks and exactly one h1`, async ({ page }) => {
      await page.goto(resolve(path));
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: '栏目导航' })).toBeVisible();
    });
  }

  test('the first Tab reaches a visible skip link that moves focus to the content', async ({ page }) => {
    await page.goto(resolve('ARTICLE'));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main')).toBeFocused();
    // The next Tab continues inside the content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  test('keyboard focus is visible on links and buttons', async ({ page }) => {
    await page.goto('/');
    const outlines: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      outlines.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return `${el.tagName}:${style.outlineStyle}:${style.outlineWidth}`;
        }),
      );
    }
    for (const o of outlines) {
      const [, style, width] = o.split(':');
      expect(style, o).not.toBe('none');
      expect(parseFloat(width!), o).toBeGreaterThanOrEqual(2);
    }
  });

  test('elder mode turns on large type site-wide, before the page scripts run, and turns off again', async ({ page }) => {
    await page.goto('/');
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    const toggle = page.getByRole('button', { name: '长者模式' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.2);

    // Follow a link: the next page is large too, and says so on its switch.
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '国内新闻' }).click();
    await expect(page).toHaveURL(/\/news\/domestic$/);
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    await expect(page.getByRole('button', { name: '长者模式' })).toHaveAttribute('aria-pressed', 'true');

    // With the app's JavaScript blocked the class still comes from the head script: applied before
    // first paint, and the server's HTML stays the same for everyone (cacheable).
    await page.route('**/_next/static/**/*.js', (route) => route.abort());
    await page.goto(resolve('ARTICLE'));
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.2);
    await page.unroute('**/_next/static/**/*.js');
    const html = await (await page.request.get('/')).text();
    expect(html).not.toMatch(/<html[^>]*class="[^"]*elder/);

    await page.goto('/hot');
    await page.getByRole('button', { name: '长者模式' }).click();
    await expect(page.locator('html')).not.toHaveClass(/\belder\b/);
    await page.goto('/');
    await expect(page.locator('html')).not.toHaveClass(/\belder\b/);
    expect(await rootSize()).toBe(normal);
  });

  test('elder mode still fits a 360 px phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await page.getByRole('button', { name: '长者模式' }).click();
    for (const path of ['/', '/news/longquan', resolve('ARTICLE'), '/hot']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass(/\belder\b/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('an article prints alone, without header, navigation, sidebar or footer', async ({ page }) => {
    await page.goto(resolve('ARTICLE'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('#article-body')).toBeVisible();
    for (const hidden of ['header.bg-brand', 'aside', 'footer', 'nav']) {
      for (const el of await page.locator(hidden).all()) await expect(el).toBeHidden();
    }
    await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('aside')).toBeVisible();
  });
});
