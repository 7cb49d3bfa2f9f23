import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, test } from '@playwright/test';
import { visibleClause } from '../db/visibility';
import { articlePath, fileUploadPath } from '../lib/routes';
import { loginAs } from './helpers/auth';
import { openE2eDatabase } from './helpers/e2e-db';

/**
 * 附件 and video, staff side then reader side: an editor attaches a PDF with a Chinese name in
 * the article editor; a reader (signed out) sees it under 附件, downloads it with its name
 * intact and resumes it with a Range request; the seeded video is a <video preload="none">
 * that seeks by Range (206).
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PDF_NAME = `龙泉驿区测试附件(${RUN}).pdf`;
const PDF_BYTES = Buffer.from(`%PDF-1.4\n% e2e ${RUN}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n${'x'.repeat(2000)}\n`);

function query<T>(sql: string, ...params: unknown[]): T {
  const db = openE2eDatabase();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** A public article with no files yet, older than the newest (so no other spec has it cached). */
function quietArticle(): { id: number; slug: string } {
  return query<{ id: number; slug: string }>(
    `select a.id, s.slug from articles a join sections s on s.id = a.section_id
     where ${visibleClause('a')} and a.external_url is null and not exists (select 1 from article_files f where f.article_id = a.id)
     order by a.published_at desc limit 1 offset 40`,
    { now: Date.now() },
  );
}

/** What a browser saves the download as: filename* (RFC 5987) over the ASCII filename. */
function downloadName(header: string | undefined): string {
  const star = /filename\*=UTF-8''([^;\s]+)/i.exec(header ?? '')?.[1];
  return star ? decodeURIComponent(star) : (/filename="([^"]*)"/.exec(header ?? '')?.[1] ?? '');
}

/** The seeded article of each kind: the PDF's and the video's. */
function seededArticle(kind: 'attachment' | 'video'): { id: number; slug: string; bytes: number } {
  return query<{ id: number; slug: string; bytes: number }>(
    `select a.id, s.slug, st.bytes from article_files f
     join stored_files st on st.hash = f.file_hash join articles a on a.id = f.article_id join sections s on s.id = a.section_id
     where st.kind = ? order by f.id limit 1`,
    kind,
  );
}

async function readerPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('an editor attaches a PDF with a Chinese name; readers see 附件 and download it with the name intact', async ({ page, browser }) => {
  const article = quietArticle();
  await loginAs(page, 'editor');
  await page.goto(`/admin/articles/${article.id}`);
  const panel = page.getByRole('region', { name: '附件与视频' });
  await panel.getByLabel('添加文件').setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF_BYTES });
  await panel.getByRole('button', { name: '上传并添加' }).click();
  await expect(panel.getByRole('status')).toContainText('已添加');
  await expect(panel.getByRole('link', { name: PDF_NAME })).toBeVisible();

  // A text file renamed .pdf is refused with the reason, and nothing is attached.
  await panel.getByLabel('添加文件').setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('只是文本') });
  await panel.getByRole('button', { name: '上传并添加' }).click();
  await expect(panel.getByRole('alert')).toContainText('与扩展名“.pdf”不符');

  const reader = await readerPage(browser);
  try {
    await expect(async () => {
      await reader.page.goto(articlePath(article.slug, article.id));
      await expect(reader.page.getByRole('heading', { level: 2, name: '附件' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    const link = reader.page.getByRole('link', { name: PDF_NAME });
    await expect(link).toBeVisible();
    await expect(reader.page.locator('.article-files li', { hasText: PDF_NAME })).toContainText('PDF');
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();

    const download = await reader.page.request.get(href!);
    expect(download.status()).toBe(200);
    const headers = download.headers();
    expect(headers['content-disposition']).toMatch(/^attachment;/);
    expect(downloadName(headers['content-disposition'])).toBe(PDF_NAME);
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(await download.body()).equals(PDF_BYTES)).toBe(true);

    // The browser's own download keeps the name too.
    const [saved] = await Promise.all([reader.page.waitForEvent('download'), link.click()]);
    expect(saved.suggestedFilename()).toBe(PDF_NAME);

    const resumed = await reader.page.request.get(href!, { headers: { Range: 'bytes=100-' } });
    expect(resumed.status()).toBe(206);
    expect(resumed.headers()['content-range']).toBe(`bytes 100-${PDF_BYTES.length - 1}/${PDF_BYTES.length}`);
    expect(Buffer.from(await resumed.body()).equals(PDF_BYTES.subarray(100))).toBe(true);
    const past = await reader.page.request.get(href!, { headers: { Range: `bytes=${PDF_BYTES.length}-` } });
    expect(past.status()).toBe(416);
  } finally {
    await reader.context.close();
  }
});

test('uploads are refused to the signed-out, to a reporter on a published article and from other origins', async ({ browser, request }) => {
  const article = seededArticle('attachment');
  const url = fileUploadPath(article.id, '清单.pdf');
  expect((await request.post(url, { data: PDF_BYTES })).status()).toBe(401);
  for (const role of ['reporter', 'editor'] as const) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await loginAs(page, role);
      const post = (headers: Record<string, string> = {}) => page.request.post(url, { data: PDF_BYTES, headers: { 'Content-Type': 'application/octet-stream', ...headers } });
      if (role === 'reporter') {
        const refused = await post();
        expect(refused.status()).toBe(403);
        expect(((await refused.json()) as { error: string }).error).toContain('记者');
      } else {
        expect((await post({ Origin: 'https://evil.example' })).status()).toBe(403);
        expect((await post()).status()).toBe(201);
      }
    } finally {
      await context.close();
    }
  }
});

test('the seeded video plays on demand only and seeks by Range (206)', async ({ browser }) => {
  const row = seededArticle('video');
  const reader = await readerPage(browser);
  try {
    await reader.page.goto(articlePath(row.slug, row.id));
    const video = reader.page.locator('article video');
    await expect(video).toHaveCount(1);
    await expect(video).toHaveAttribute('preload', 'none');
    await expect(video).toHaveAttribute('controls', '');
    expect(await video.getAttribute('autoplay')).toBeNull();
    await expect(video.locator('track')).toHaveAttribute('kind', 'captions');
    await expect(video.locator('track')).toHaveAttribute('srclang', 'zh');
    const src = await video.locator('source').getAttribute('src');
    expect(src).toBeTruthy();

    const seek = await reader.page.request.get(src!, { headers: { Range: `bytes=${Math.floor(row.bytes / 2)}-` } });
    expect(seek.status()).toBe(206);
    expect(seek.headers()['content-type']).toBe('video/mp4');
    expect(seek.headers()['accept-ranges']).toBe('bytes');
    expect(seek.headers()['content-range']).toBe(`bytes ${Math.floor(row.bytes / 2)}-${row.bytes - 1}/${row.bytes}`);
    const captions = await reader.page.request.get((await video.locator('track').getAttribute('src'))!);
    expect(captions.status()).toBe(200);
    expect(await captions.text()).toMatch(/^WEBVTT/);
  } finally {
    await reader.context.close();
  }
});

test('article pages with 附件 and a video pass axe and the Nu Html Checker', async ({ page, request }) => {
  test.setTimeout(120_000);
  const paths = [seededArticle('attachment'), seededArticle('video')].map((a) => articlePath(a.slug, a.id));
  for (const p of paths) {
    await page.goto(p);
    await expect(page.locator('.article-files, article video').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${p}: ${v.id} ${v.help}`)).toEqual([]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-vnu-files-'));
  try {
    const files = await Promise.all(
      paths.map(async (p, i) => {
        const file = path.join(dir, `page-${i}.html`);
        fs.writeFileSync(file, await (await request.get(p)).body());
        return file;
      }),
    );
    const vnu = path.join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const result = spawnSync('java', ['-Xss4m', '-jar', vnu, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as { messages: Array<{ type: string; subType?: string; message: string; extract?: string }> };
    const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${m.message} [${m.extract?.trim() ?? ''}]`);
    expect(errors).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
