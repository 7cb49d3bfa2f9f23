import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './helpers/test-db';

// Signed-in staff may fetch files of articles readers cannot see; the session is stubbed here.
const session = vi.hoisted(() => ({ user: null as null | { id: number; role: string } }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

const { GET: getFile } = await import('@/app/media/files/[id]/[name]/route');
const { GET: getCaptions } = await import('@/app/media/files/[id]/captions/route');
const { contentDisposition } = await import('@/lib/files/content-disposition');
const { parseRange } = await import('@/lib/files/range');
const { storedFilePath } = await import('@/lib/files/file-store');
const { articleFilePath } = await import('@/lib/routes');

/**
 * Downloads and video as a browser receives them: the demo PDF and video the seed attaches,
 * fetched through the media routes with and without Range.
 */
let ctx: ReturnType<typeof useTestDatabase>;
let dataDir: string;
type Row = { id: number; articleId: number; fileName: string; hash: string; bytes: number; mime: string };
let pdf: Row;
let video: Row;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-serving-'));
  process.env.DATA_DIR = dataDir;
  ctx = useTestDatabase({ articles: 80 });
  const rows = ctx.db.$client
    .prepare(
      `select f.id, f.article_id articleId, f.file_name fileName, s.hash, s.bytes, s.mime
       from article_files f join stored_files s on s.hash = f.file_hash order by f.id`,
    )
    .all() as Row[];
  pdf = rows.find((r) => r.mime === 'application/pdf')!;
  video = rows.find((r) => r.mime === 'video/mp4')!;
});
afterAll(() => {
  ctx.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function fetchFile(row: Row, headers: Record<string, string> = {}, name = row.fileName): Promise<Response> {
  const url = `http://portal.test${articleFilePath(row.id, name)}`;
  const segment = url.split('/').pop()!;
  return getFile(new Request(url, { headers }), { params: Promise.resolve({ id: String(row.id), name: segment }) });
}

/** What a browser does with the header: filename* (RFC 5987) wins over the ASCII filename. */
function downloadName(header: string): { type: string; name: string; fallback: string } {
  const type = header.split(';', 1)[0]!.trim();
  const star = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  const fallback = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
  return { type, name: star ? decodeURIComponent(star) : fallback, fallback };
}

describe('Content-Disposition', () => {
  it('keeps a Chinese name through filename* and gives old clients an ASCII filename', () => {
    const header = contentDisposition('attachment', "龙泉驿区2026年重点项目清单(第1批)'终稿'.pdf");
    const parsed = downloadName(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.name).toBe("龙泉驿区2026年重点项目清单(第1批)'终稿'.pdf");
    expect(parsed.fallback).toMatch(/^[\x20-\x7e]+\.pdf$/);
    // RFC 5987 attr-chars only after UTF-8'': no quote or parenthesis left raw.
    expect(/filename\*=UTF-8''([^;\s]+)/.exec(header)![1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(downloadName(contentDisposition('attachment', '通知.pdf')).fallback).toBe('attachment.pdf');
  });
});

describe('downloads', () => {
  it('serves the seeded PDF as a download with its Chinese name, its type, nosniff and an ETag', async () => {
    expect(pdf.fileName).toBe('龙泉驿区2026年重点项目清单.pdf');
    const response = await fetchFile(pdf);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toBe(`"${pdf.hash}"`);
    expect(response.headers.get('cache-control')).toMatch(/^public/);
    expect(downloadName(response.headers.get('content-disposition')!)).toMatchObject({ type: 'attachment', name: pdf.fileName });
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(fs.readFileSync(storedFilePath(pdf.hash)))).toBe(true);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers a Range with 206 and exactly those bytes, and past the end with 416', async () => {
    const whole = fs.readFileSync(storedFilePath(pdf.hash));
    const part = await fetchFile(pdf, { Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${pdf.bytes}`);
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(0, 100))).toBe(true);

    const tail = await fetchFile(pdf, { Range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(-10))).toBe(true);

    const past = await fetchFile(pdf, { Range: `bytes=${pdf.bytes}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${pdf.bytes}`);

    // If-Range with another version's tag: the whole (current) file, not a mixed piece.
    expect((await fetchFile(pdf, { Range: 'bytes=0-9', 'If-Range': '"old"' })).status).toBe(200);
    expect((await fetchFile(pdf, { 'If-None-Match': `"${pdf.hash}"` })).status).toBe(304);
  });

  it('reads Range headers as RFC 9110 says', () => {
    expect(parseRange('bytes=5-', 10)).toEqual({ kind: 'partial', start: 5, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ kind: 'partial', start: 5, end: 9 });
    expect(parseRange('bytes=-100', 10)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 10)).toEqual({ kind: 'whole' });
  });

  it('plays the video inline and lets it seek (206 from the middle)', async () => {
    const response = await fetchFile(video, { Range: `bytes=${Math.floor(video.bytes / 2)}-` });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(response.headers.get('content-range')).toBe(`bytes ${Math.floor(video.bytes / 2)}-${video.bytes - 1}/${video.bytes}`);
    const captions = await getCaptions(new Request('http://portal.test/'), { params: Promise.resolve({ id: String(video.id) }) });
    expect(captions.status).toBe(200);
    expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect((await captions.text()).startsWith('WEBVTT')).toBe(true);
  });

  it('has one URL per file and gives files of hidden articles to signed-in staff only', async () => {
    expect((await fetchFile(pdf, {}, '别的名字.pdf')).status).toBe(404);
    ctx.db.$client.prepare(`update articles set status = 'withdrawn' where id = ?`).run(pdf.articleId);
    try {
      expect((await fetchFile(pdf)).status).toBe(404);
      session.user = { id: 1, role: 'reporter' };
      const staff = await fetchFile(pdf);
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('private, no-store');
    } finally {
      session.user = null;
      ctx.db.$client.prepare(`update articles set status = 'published' where id = ?`).run(pdf.articleId);
    }
  });
});
