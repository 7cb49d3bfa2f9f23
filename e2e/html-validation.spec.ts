import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { goneAnswer } from '../lib/seo/article-url';
import { latestArticlePath } from './helpers/e2e-db';

/**
 * The Nu Html Checker (vnu-jar, the W3C validator's engine) on the HTML the server sends, all
 * pages in one Java run: home, a section page, an article, 周热点, the 404 page, the staff login,
 * and the 410 page server.ts sends for a withdrawn article.
 */

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string };

test('the Nu Html Checker reports no errors on the public pages and the staff login', async ({ request }) => {
  test.setTimeout(120_000);
  const pages: Array<{ path: string; status: number }> = [
    { path: '/', status: 200 },
    { path: '/news/longquan', status: 200 },
    { path: '/news/news?page=2', status: 200 },
    { path: latestArticlePath(), status: 200 },
    { path: '/hot', status: 200 },
    { path: '/no-such-page', status: 404 },
    { path: '/admin/login', status: 200 },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vnu-'));
  try {
    const files: string[] = [];
    for (const [i, p] of pages.entries()) {
      const response = await request.get(p.path);
      expect(response.status(), p.path).toBe(p.status);
      const file = path.join(dir, `page-${i}.html`);
      fs.writeFileSync(file, await response.body());
      files.push(file);
    }
    const gone = path.join(dir, 'page-gone.html');
    fs.writeFileSync(gone, goneAnswer().body);
    files.push(gone);
    pages.push({ path: '410 page', status: 410 });
    const vnu = path.join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const result = spawnSync('java', ['-Xss4m', '-jar', vnu, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: VnuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => {
        const page = pages[files.findIndex((f) => m.url.endsWith(path.basename(f)))]?.path ?? m.url;
        return `${page}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`;
      });
    expect(errors).toEqual([]);
    expect(result.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
