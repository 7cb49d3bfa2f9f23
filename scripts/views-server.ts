/**
 * `npm run views-server`: the view beacon (POST /api/views) as a tiny node:http process, for
 * deployments behind deploy/nginx.conf. Through Next every beacon pays a full route dispatch
 * (~2 ms of CPU here), so 2,000 beacons/s would take the cores pages need; this process answers
 * one in well under 0.1 ms with the same rules as app/api/views/route.ts (body ≤ 256 bytes,
 * {"id": n} of a visible article, bots answered 204 but not counted) and the same ViewBuffer,
 * whose upsert adds to the stored count, so it shares the database with the `next start`
 * processes safely. nginx falls back to Next's own route when this process is down.
 *
 * Env: VIEWS_PORT (3099), DATABASE_PATH, VIEW_FLUSH_MS. SIGTERM/SIGINT: stop accepting, flush, exit.
 */
import http from 'node:http';
import { closeDb, getDb } from '@/db/client';
import { isBotUserAgent } from '@/lib/views/bots';
import { MAX_BEACON_BYTES, parseBeacon } from '@/lib/views/parse-beacon';
import { viewCounter } from '@/lib/views/view-counter';

const port = Number(process.env.VIEWS_PORT || 3099);
const sqlite = getDb().$client;
// The same visibility rule as isViewableArticle, prepared once.
const viewable = sqlite.prepare('select 1 from articles where id = ? and is_public = 1 and published_at <= ?').pluck();
const views = viewCounter();
const noStore = { 'Cache-Control': 'private, no-store' };

function answer(res: http.ServerResponse, status: number, error?: string): void {
  if (error === undefined) {
    res.writeHead(status, noStore).end();
    return;
  }
  const body = JSON.stringify({ error });
  res.writeHead(status, { ...noStore, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

const server = http.createServer((req, res) => {
  if (req.url !== '/api/views') return answer(res, 404, 'not found');
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return answer(res, 405, 'method not allowed');
  }
  if (Number(req.headers['content-length'] ?? '0') > MAX_BEACON_BYTES) return answer(res, 400, 'body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BEACON_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return answer(res, 400, 'body too large');
    const id = parseBeacon(Buffer.concat(chunks).toString('utf8'));
    if (id === null) return answer(res, 400, 'expected {"id": <article id>}');
    if (viewable.get(id, Date.now()) === undefined) return answer(res, 400, 'unknown article');
    if (!isBotUserAgent(req.headers['user-agent'] ?? null)) views.record(id);
    answer(res, 204);
  });
  req.on('error', () => res.destroy());
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => console.log(`[views] 阅读计数服务 http://127.0.0.1:${port}/api/views`));

function stop(): void {
  // Stop accepting, let in-flight beacons finish, then flush and close (beforeDbClose hooks).
  server.close(() => {
    views.flush();
    closeDb();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
