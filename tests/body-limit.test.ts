import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nextConfig from '../next.config';
import { BODY_LIMITS, bodyLimitFor, limitRequestBody } from '@/lib/http/body-limit';

/**
 * The front door's body limit in front of a handler that reads bodies the way Next does: late
 * (after some awaits) and whole, through a web stream. What reached the handler is recorded, so
 * a test can assert that an oversized body never arrived in memory, not just that a 413 came back.
 */
let server: http.Server;
let base: string;
const received: { url: string; bytes: number; sha?: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!limitRequestBody(req, res, bodyLimitFor(req.url ?? '/'))) return;
    const url = req.url ?? '/';
    const record = { url, bytes: 0 };
    received.push(record);
    // Next attaches its reader only after routing; the body must still arrive whole.
    setTimeout(async () => {
      try {
        const reader = (Readable.toWeb(req) as ReadableStream<Uint8Array>).getReader();
        const parts: Uint8Array[] = [];
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value);
          record.bytes += value.length;
        }
        if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'text/plain' }).end(String(record.bytes));
      } catch {
        // Aborted by the limit: the 413 is already on its way.
      }
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends `total` bytes in chunks with no Content-Length; resolves with the answer's status and body. */
function postChunked(path: string, total: number, chunkSize = 64 * 1024): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = http.request(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' } });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      const done = () => resolve({ status: res.statusCode ?? 0, body, sent });
      res.on('end', done);
      // The server drops the connection right after its answer; what arrived is the answer.
      res.on('error', done);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(chunkSize, 0x61);
    const write = () => {
      while (sent < total) {
        const n = Math.min(chunkSize, total - sent);
        sent += n;
        if (!req.write(n === chunkSize ? chunk : chunk.subarray(0, n))) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('front door body limit', () => {
  it('answers 413 to an 11 MB chunked upload to /api/images before the handler holds it', async () => {
    const total = 11 * 1024 * 1024;
    const answer = await postChunked('/api/images', total);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: '图片不能超过 10 MB。' });
    const seen = received.find((r) => r.url === '/api/images')!;
    expect(seen.bytes).toBeLessThanOrEqual(BODY_LIMITS.imageUpload);
  });

  it('stops reading an endless chunked body at the limit instead of draining it', async () => {
    const total = 200 * 1024 * 1024;
    const answer = await postChunked('/api/images', total);
    expect(answer.status).toBe(413);
    // The socket stopped being read at ~10 MB: the client could not push its 200 MB through.
    expect(answer.sent).toBeLessThan(total / 4);
  });

  it('answers 413 to a declared Content-Length over the limit without calling the handler', async () => {
    const before = received.length;
    const res = await fetch(`${base}/api/auth/callback/credentials`, { method: 'POST', body: 'x'.repeat(BODY_LIMITS.auth + 1) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: '请求内容过大。' });
    expect(received.length).toBe(before);
  });

  it('answers 413 to a chunked next-auth callback body over its few KB', async () => {
    const answer = await postChunked('/api/auth/callback/credentials', 200 * 1024, 4 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: '请求内容过大。' });
  });

  it('answers a plain-text 413 to an oversized server action posted to a page', async () => {
    const answer = await postChunked('/admin/articles/1', 3 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe('请求内容过大。');
  });

  it('passes bodies under the limit through intact, chunked or not, however late they are read', async () => {
    const chunked = await postChunked('/api/images', 10 * 1024 * 1024, 50_000);
    expect(chunked).toMatchObject({ status: 200, body: String(10 * 1024 * 1024) });
    const body = Buffer.alloc(BODY_LIMITS.page, 0x62);
    const res = await fetch(`${base}/news/longquan/1`, { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(String(BODY_LIMITS.page));
  });

  it('never lets a page body past what Next itself would take (serverActions.bodySizeLimit)', () => {
    const configured = (nextConfig.experimental as { serverActions?: { bodySizeLimit?: string | number } } | undefined)?.serverActions
      ?.bodySizeLimit;
    // Next's default is 1 MB; a configured limit would have to be mirrored in BODY_LIMITS.page.
    expect(configured).toBeUndefined();
    expect(BODY_LIMITS.page).toBe(1024 * 1024);
  });
});
