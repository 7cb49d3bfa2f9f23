import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The home page's 图片新闻 carousel as readers meet it: the WAI-ARIA carousel pattern with a
 * pause button first, keyboard control, no motion for readers who ask for none, a plain list of
 * linked pictures without JavaScript, and a first picture that loads as the page's LCP image.
 * The seed flags at least three pictured articles as slides (lib/seed/editorial-demo.ts).
 */

/** How long a slide stays while rotating (components/picture-carousel-controls.tsx), plus slack. */
const SLIDE_MS = 6000;

const carouselOf = (page: Page) => page.locator('section[aria-roledescription="carousel"][aria-label="图片新闻"]');
const slidesOf = (page: Page) => carouselOf(page).locator('[role="group"][aria-roledescription="slide"]');
/** The label of the one slide a reader can see and reach. */
const currentSlide = (page: Page) => carouselOf(page).locator('[aria-roledescription="slide"]:not([inert])');
const currentLabel = (page: Page) => currentSlide(page).getAttribute('aria-label');

async function openHome(page: Page): Promise<number> {
  await page.goto('/');
  await expect(carouselOf(page)).toBeVisible();
  const total = await slidesOf(page).count();
  expect(total).toBeGreaterThanOrEqual(3);
  return total;
}

test.describe('图片新闻 carousel', () => {
  test('has the carousel roles and labels, one visible slide, and the first picture as the LCP image', async ({ page, request }) => {
    const total = await openHome(page);
    const carousel = carouselOf(page);
    for (let i = 0; i < total; i++) await expect(slidesOf(page).nth(i)).toHaveAttribute('aria-label', `${i + 1} / ${total}`);
    await expect(carousel.getByRole('button', { name: '暂停' })).toBeVisible();
    await expect(carousel.getByRole('button', { name: '上一张' })).toBeVisible();
    await expect(carousel.getByRole('button', { name: '下一张' })).toBeVisible();
    // Rotating by itself: the slides are no live region, or every change would be read out.
    await expect(carousel.locator('[aria-live]')).toHaveAttribute('aria-live', 'off');
    await expect(currentSlide(page)).toHaveCount(1);
    await expect(currentSlide(page)).toBeVisible();
    await expect(carouselOf(page).locator('[aria-roledescription="slide"][inert]').first()).toBeHidden();

    const images = carousel.locator('img');
    const first = images.first();
    await expect(first).toHaveAttribute('fetchpriority', 'high');
    await expect(first).not.toHaveAttribute('loading', 'lazy');
    await expect(first).toHaveAttribute('sizes', /.+/);
    await expect(first).toHaveAttribute('width', /^\d+$/);
    await expect(first).toHaveAttribute('height', /^\d+$/);
    const srcset = (await first.getAttribute('srcset'))!;
    expect(srcset).toMatch(/-480\.webp 480w, .+-960\.webp 960w, .+-1600\.webp 1600w$/);
    for (let i = 1; i < total; i++) await expect(images.nth(i)).toHaveAttribute('loading', 'lazy');
    expect(await first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    for (const candidate of srcset.split(', ')) {
      const answer = await request.get(candidate.split(' ')[0]!);
      expect(answer.status()).toBe(200);
      expect(answer.headers()['content-type']).toBe('image/webp');
    }
    for (let i = 0; i < total; i++) expect(await images.nth(i).getAttribute('alt')).toMatch(/\S{4,}/);
  });

  test('moves on by itself when motion is welcome', async ({ page }) => {
    await openHome(page);
    expect(await currentLabel(page)).toMatch(/^1 \//);
    await expect.poll(() => currentLabel(page), { timeout: SLIDE_MS * 2 }).toMatch(/^2 \//);
  });

  test('works from the keyboard: the pause button first, then previous and next', async ({ page }) => {
    const total = await openHome(page);
    const carousel = carouselOf(page);
    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    await expect(carousel.getByRole('button', { name: '暂停' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(carousel.getByRole('button', { name: '播放' })).toBeFocused();
    // Not rotating now: a change the reader asks for is announced.
    await expect(carousel.locator('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    const start = Number((await currentLabel(page))!.split(' / ')[0]);
    const label = (n: number) => `${((n - 1 + total) % total) + 1} / ${total}`;

    await page.keyboard.press('Tab');
    await expect(carousel.getByRole('button', { name: '上一张' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(carousel.getByRole('button', { name: '下一张' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await currentLabel(page)).toBe(label(start + 1));
    await page.keyboard.press(' ');
    expect(await currentLabel(page)).toBe(label(start + 2));
    await expect(currentSlide(page)).toBeVisible();

    await page.keyboard.press('Shift+Tab');
    await expect(carousel.getByRole('button', { name: '上一张' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await currentLabel(page)).toBe(label(start + 1));

    // The next stop is the current slide's link, and only that one: hidden slides are inert.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const visibleLink = currentSlide(page).locator('a');
    await expect(visibleLink).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await carousel.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  });

  test.describe('for a reader who prefers reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('does not rotate: it starts paused and stays on its slide', async ({ page }) => {
      await openHome(page);
      const carousel = carouselOf(page);
      await expect(carousel.getByRole('button', { name: '播放' })).toBeVisible();
      await expect(carousel.locator('[aria-live]')).toHaveAttribute('aria-live', 'polite');
      // Longer than one slide's time: the 'moves on by itself' test shows it would have moved.
      const until = Date.now() + SLIDE_MS + 2000;
      while (Date.now() < until) {
        expect(await currentLabel(page)).toMatch(/^1 \//);
        await page.waitForTimeout(500);
      }
    });
  });

  test('without JavaScript is a plain list of linked, captioned pictures', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const box = page.getByRole('region', { name: '图片新闻' });
      await expect(box).toBeVisible();
      await expect(box).not.toHaveAttribute('aria-roledescription', /./);
      await expect(box.getByRole('button')).toHaveCount(0);
      const items = box.getByRole('list').getByRole('listitem');
      const count = await items.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < count; i++) {
        const link = items.nth(i).getByRole('link');
        await expect(link).toBeVisible();
        await expect(link).toHaveAttribute('href', /^\/news\/[^/]+\/\d+$/);
        await expect(link.locator('img')).toBeVisible();
        expect((await link.locator('.carousel-caption').textContent())!.trim().length).toBeGreaterThan(3);
      }
    } finally {
      await context.close();
    }
  });

  test('axe-core finds no violation on the home page with the carousel', async ({ page }) => {
    await openHome(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
