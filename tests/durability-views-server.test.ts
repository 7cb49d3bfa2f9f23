import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { visibleClause } from '@/db/visibility';
import { useTestDatabase } from './helpers/test-db';

/**
 * scripts/views-server.ts, the beacon's own process behind nginx: the same answers as Next's
 * /api/views route for good, hostile and bot beacons, and on SIGTERM every acknowledged view is
 * in the database (its flush interval here is far longer than the test).
 */
const { db, file, cleanup } = useTestDatabase({ articles: 30 });
const sqlite = db.$client;
const articleId = (sqlite.prepare(`select id from articles where ${visibleClause()} order by id limit 1`).get({ now: Date.now() }) as { id: number }).id;
const views = () => (sqlite.prepare('select coalesce(sum(count), 0) as n from article_views_daily where article_id = ?').get(articleId) as { n: number }).n;
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

let server: ChildProcess;
let port = 0;

function send(method: string, body: string | undefined, userAgent = browser): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/views', method, headers: { 'user-agent': userAgent }, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  server = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts', 'views-server.ts')], {
    // VIEW_DEDUPE=off: this is about losing no acknowledged count on SIGTERM, and every beacon
    // here comes from one client (one view per reader per day is tests/view-buffer.test.ts's).
    env: { ...process.env, DATABASE_PATH: file, VIEWS_PORT: String(port), VIEW_FLUSH_MS: '600000', VIEW_DEDUPE: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((r) => server.stdout!.once('data', r));
});
afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  closeDb();
  cleanup();
});

describe('the view beacon process', () => {
  it('answers like the Next route: 204 for a view, JSON 400 for hostile bodies, 405 for other methods', async () => {
    expect((await send('POST', JSON.stringify({ id: articleId }))).status).toBe(204);
    expect((await send('POST', JSON.stringify({ id: String(articleId) }))).status).toBe(204);
    for (const body of ['{', 'null', '[]', '{"id":-1}', '{"id":0}', '{"id":1e309}', '{"id":99999999}', '{"id":1,"x":2}', '', 'x'.repeat(10_240)]) {
      const res = await send('POST', body);
      expect(res.status, body.slice(0, 20)).toBe(400);
      expect(res.type).toContain('application/json');
      expect(() => JSON.parse(res.body)).not.toThrow();
    }
    const wrong = await send('GET', undefined);
    expect(wrong.status).toBe(405);
    expect(JSON.parse(wrong.body)).toEqual({ error: 'method not allowed' });
    // Crawlers get a 204 so they do not retry, and are not counted.
    expect((await send('POST', JSON.stringify({ id: articleId }), 'Mozilla/5.0 (compatible; Baiduspider/2.0)')).status).toBe(204);
  });

  it('writes every acknowledged view when stopped with SIGTERM', async () => {
    const before = views();
    const answers = await Promise.all(Array.from({ length: 200 }, () => send('POST', JSON.stringify({ id: articleId }))));
    expect(answers.every((a) => a.status === 204)).toBe(true);
    expect(views()).toBe(before); // still buffered in the other process
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    // 200 now plus the 2 from the first test; the bot was not counted.
    expect(views()).toBe(before + 202);
  });
});
