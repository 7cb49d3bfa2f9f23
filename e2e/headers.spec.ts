import { expect, test, type APIResponse, type ConsoleMessage } from '@playwright/test';
import { everyResponseHeaders } from '../lib/http/security-headers';
import { visibleClause } from '../db/visibility';
import { COMPILE_HINT } from '../scripts/lib/compile-hints';
import { loginAs } from './helpers/auth';
import { openE2eDatabase } from './helpers/e2e-db';

/**
 * Security and caching headers as browsers, proxies and CDNs receive them, on every kind of
 * response: cached pages, dynamic pages, the error page, feeds, APIs and build assets. Then
 * real Chromium loads a reader page and the admin editor under that policy without a single
 * CSP violation.
 */

/** An old article: the views these tests send cannot move it into 周热点, which other specs compare. */
function anArticle(): { path: string; id: number } {
  const db = openE2eDatabase();
  try {
    const row = db
      .prepare(
        `select a.id, s.slug from articles a join sections s on s.id = a.section_id
         where ${visibleClause('a')} and a.external_url is null order by a.published_at asc limit 1 offset 3`,
      )
      .get({ now: Date.now() }) as { id: number; slug: string };
    return { path: `/news/${row.slug}/${row.id}`, id: row.id };
  } finally {
    db.close();
  }
}

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  // Public pages keep 'unsafe-inline' for Next's cached inline payload; staff pages, rendered per
  // request, carry a fresh nonce and the elder-mode script's hash instead (lib/http/security-headers.ts).
  const scripts = /script-src 'self'( 'unsafe-inline'| 'nonce-[A-Za-z0-9+/=_-]+' 'sha256-[A-Za-z0-9+/=]+')?(;|$)/;
  expect(csp, `${what}: scripts only from the site`).toMatch(scripts);
  const scriptSrc = /script-src [^;]*/.exec(csp)?.[0] ?? '';
  if (what.startsWith('admin')) expect(scriptSrc, `${what}: no inline script without a nonce`).not.toContain('unsafe-inline');
  expect(csp, `${what}: no eval in production`).not.toContain('unsafe-eval');
  expect(csp, `${what}: not framed`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: no plugins`).toContain("object-src 'none'");
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('camera=()');
  expect(h['x-frame-options'], what).toBe('DENY');
  // The e2e server's SITE_URL is http://: HSTS would be wrong there (see the https case below).
  expect(h['strict-transport-security'], what).toBeUndefined();
  expect(h['x-powered-by'], what).toBeUndefined();
}

test('every kind of response carries the security headers', async ({ request }) => {
  const article = anArticle();
  const home = await request.get('/');
  const html = await home.text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset, 'a build asset linked from the home page').toBeTruthy();
  const targets: Array<[string, string, number[]]> = [
    ['home', '/', [200]],
    ['article page', article.path, [200]],
    ['section page', '/news/longquan?page=2', [200]],
    ['周热点', '/hot', [200]],
    ['search', `/search?q=${encodeURIComponent('龙泉')}`, [200]],
    ['site feed', '/rss.xml', [200]],
    ['sitemap', '/sitemap.xml', [200]],
    ['error page', '/no-such-page', [404]],
    ['unknown article', '/news/longquan/99999999', [404]],
    ['admin login', '/admin/login', [200]],
    ['health API', '/api/health', [200]],
    ['wrong method on the beacon', '/api/views', [405]],
    ['build asset', asset!, [200]],
  ];
  for (const [what, path, statuses] of targets) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(statuses, `${what} ${path} answered ${res.status()}`).toContain(res.status());
    expectSecurityHeaders(res, `${what} ${path}`);
  }
});

test('published pages are cacheable by a CDN; staff pages and APIs are not', async ({ request }) => {
  const article = anArticle();
  await request.get(article.path); // first request renders it into the ISR cache
  const again = await request.get(article.path);
  expect(again.headers()['x-nextjs-cache'], 'the article is served from the ISR cache').toBe('HIT');
  for (const path of [article.path, '/']) {
    const cc = (await request.get(path)).headers()['cache-control'] ?? '';
    expect(cc, path).toMatch(/s-maxage=\d+/);
    expect(cc, path).toMatch(/stale-while-revalidate=\d+/);
    expect(cc, path).not.toContain('private');
  }
  for (const path of ['/admin/login', '/api/health', '/api/auth/session']) {
    const cc = (await request.get(path, { maxRedirects: 0 })).headers()['cache-control'] ?? '';
    expect(cc, path).toContain('private');
    expect(cc, path).toContain('no-store');
  }
  const beacon = await request.post('/api/views', {
    data: JSON.stringify({ id: article.id }),
    headers: { 'content-type': 'text/plain' },
  });
  expect(beacon.headers()['cache-control']).toContain('no-store');
});

test('HSTS is sent when the site is served over https, and never eval', () => {
  const all = everyResponseHeaders({ siteUrl: 'https://news.example.cn', dev: false });
  const get = (key: string) => all[key];
  expect(get('Strict-Transport-Security')).toMatch(/max-age=\d{7,}/);
  expect(get('Content-Security-Policy')).toContain('upgrade-insecure-requests');
  expect(get('Content-Security-Policy')).not.toContain('unsafe-eval');
});

function cspViolations(messages: ConsoleMessage[]): string[] {
  return messages.map((m) => m.text()).filter((t) => /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(t));
}

test('a reader page works under the policy: no CSP violation, the view beacon gets through', async ({ page }) => {
  const messages: ConsoleMessage[] = [];
  page.on('console', (m) => messages.push(m));
  const beacon = page.waitForResponse((r) => r.url().endsWith('/api/views') && r.request().method() === 'POST');
  await page.goto(anArticle().path);
  expect((await beacon).status()).toBe(204);
  await expect(page.locator('h1').first()).toBeVisible();
  // Client navigation (RSC fetch) also stays inside connect-src.
  await page.getByRole('link', { name: '首页' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  expect(cspViolations(messages)).toEqual([]);
});

test('every script a reader page loads carries V8’s compile hint (the build step ran)', async ({ page }) => {
  const scripts: Array<{ url: string; body: Promise<string> }> = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && new URL(r.url()).pathname.startsWith('/_next/static/chunks/')) {
      scripts.push({ url: r.url(), body: r.text() });
    }
  });
  await page.goto(anArticle().path, { waitUntil: 'load' });
  await expect(page.locator('h1').first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(2);
  for (const s of scripts) expect((await s.body).startsWith(COMPILE_HINT), s.url).toBe(true);
});

test('the admin editor works under the policy', async ({ page }) => {
  const messages: ConsoleMessage[] = [];
  page.on('console', (m) => messages.push(m));
  await loginAs(page, 'editor');
  await page.goto('/admin/articles/new');
  const editor = page.locator('[contenteditable="true"]').first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('内容安全策略下的编辑器');
  await expect(editor).toContainText('内容安全策略下的编辑器');
  expect(cspViolations(messages)).toEqual([]);
});
