import type http from 'node:http';
import { isViewableArticle } from '@/db/queries/hot';
import { requestClientAddress, trustedProxyHops } from '@/lib/http/client-address';
import { jsonAnswer, sendAnswer } from '@/lib/http/front-door-types';
import { isBotUserAgent } from './bots';
import { DailyReaders } from './daily-readers';
import { MAX_BEACON_BYTES, parseBeacon } from './parse-beacon';
import { viewCounter } from './view-counter';

const proxyHops = trustedProxyHops();
// VIEW_DEDUPE=off counts every beacon: for load tests that send thousands from one client, never
// for a public site.
const readers = process.env.VIEW_DEDUPE === 'off' ? undefined : new DailyReaders();

/**
 * The view beacon, POST /api/views, answered in plain node:http before Next (server.ts) and by
 * scripts/views-server.ts behind nginx. Through a Next route handler every beacon paid a full
 * route dispatch (~2 ms of CPU here), so 2,000 beacons/s took the cores pages need; this answers
 * one in well under 0.1 ms. Rules: body ≤ 256 bytes of {"id": n} naming a visible article (else a
 * JSON 400), anything but POST a JSON 405, bots answered 204 so they don't retry but not counted,
 * and one view per reader per article per day (daily-readers.ts; the client address as the front
 * door sees it, lib/http/client-address.ts).
 * Counts go to the process's ViewBuffer, whose upsert adds to the stored count, so several
 * processes share the database safely.
 */
export function handleViewBeacon(req: http.IncomingMessage, res: http.ServerResponse): void {
  const answer = (status: number, error?: string) => {
    if (error === undefined) res.writeHead(status, { 'Cache-Control': 'private, no-store' }).end();
    else sendAnswer(res, jsonAnswer(status, { error }));
  };
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    // Drain whatever body came with it so the connection stays usable.
    req.resume();
    return answer(405, 'method not allowed');
  }
  if (Number(req.headers['content-length'] ?? '0') > MAX_BEACON_BYTES) {
    req.resume();
    return answer(400, 'body too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BEACON_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return answer(400, 'body too large');
    const id = parseBeacon(Buffer.concat(chunks).toString('utf8'));
    if (id === null) return answer(400, 'expected {"id": <article id>}');
    if (!isViewableArticle(id)) return answer(400, 'unknown article');
    const userAgent = req.headers['user-agent'] ?? null;
    // Repeats get the same 204, so a script learns nothing from the answer.
    if (!isBotUserAgent(userAgent) && (readers?.admit(requestClientAddress(req, proxyHops), userAgent, id) ?? true)) {
      viewCounter().record(id);
    }
    answer(204);
  });
  req.on('error', () => res.destroy());
}
