import http from 'node:http';
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { loginAs } from './helpers/auth';
import { openE2eDatabase } from './helpers/e2e-db';

/**
 * What the front door (server.ts) guarantees against a production build: the client address
 * comes from the socket, bodies are bounded while they stream, uploads from the address the
 * browser used are accepted, and staff pages run under a nonce CSP without breaking.
 */
const forged = '198.51.100.23';

/** Streams `total` bytes with no Content-Length to /api/images; resolves with the answer's status. */
function chunkedUpload(cookie: string, total: number): Promise<number> {
  const { port } = new URL(baseURL);
  return new Promise<number>((resolve, reject) => {
    const headers = { 'Content-Type': 'multipart/form-data; boundary=x', Cookie: cookie };
    const req = http.request({ host: '127.0.0.1', port, path: '/api/images', method: 'POST', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test('a sign-in with a forged X-Forwarded-For is throttled under the socket address', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': forged, 'X-Portal-Client-IP': forged } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill('nobody-here');
  await page.getByLabel('密码').fill('wrong password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await context.close();
  const ipKeys = () => {
    const db = openE2eDatabase();
    try {
      return (db.prepare(`select key from login_throttle where key like 'ip:%'`).all() as { key: string }[]).map((r) => r.key);
    } finally {
      db.close();
    }
  };
  await expect.poll(ipKeys, { timeout: 5_000 }).toContain('ip:127.0.0.1');
  expect(ipKeys()).not.toContain(`ip:${forged}`);
});

test('staff pages run under the nonce CSP, and an upload from the address the browser used is accepted', async ({ page }) => {
  const violations = cspViolations(page);
  await loginAs(page, 'reporter');
  const csp = (await page.request.get('/admin')).headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-/);
  expect(csp.split('; ').find((d) => d.startsWith('script-src '))).not.toContain('unsafe-inline');
  await page.goto('/admin/articles/new');
  // The editor only becomes editable once React has hydrated, i.e. once Next's scripts ran.
  await expect(page.locator('[contenteditable="true"]').first()).toBeVisible();
  await page.goto('/');
  expect(violations).toEqual([]);

  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
  const upload = (headers: Record<string, string>) =>
    page.request.post('/api/images', { headers, multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: png } } });
  const { port } = new URL(baseURL);
  // A browser at http://localhost:PORT while SITE_URL is http://127.0.0.1:PORT.
  expect((await upload({ Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).status()).toBe(201);
  expect((await upload({ Origin: baseURL })).status()).toBe(201);
  const foreign = await upload({ Origin: 'https://evil.example' });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: '请求来源无效。' });

  // Signed in, so the route reads the body: 11 MB sent chunked is cut off at the limit.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(await chunkedUpload(cookie, 11 * 1024 * 1024)).toBe(413);
  // The server is fine afterwards.
  expect((await upload({ Origin: baseURL })).status()).toBe(201);
});
