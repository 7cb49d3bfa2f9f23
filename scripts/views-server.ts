/**
 * `npm run views-server`: the view beacon (POST /api/views) as a tiny node:http process, for
 * deployments behind deploy/nginx.conf with more than one portal process: the same beacon
 * handler and ViewBuffer as server.ts (lib/views/beacon-http.ts), in its own process so a beacon
 * storm never takes the cores pages need. The buffer's upsert adds to the stored count, so it
 * shares the database with the portal's server processes safely. nginx falls back to the
 * portal server when this process is down.
 *
 * Env: VIEWS_PORT (3099), DATABASE_PATH, VIEW_FLUSH_MS. SIGTERM/SIGINT: stop accepting, flush, exit.
 */
import http from 'node:http';
import { closeDb } from '@/db/client';
import { jsonAnswer, sendAnswer } from '@/lib/http/front-door-types';
import { VIEW_BEACON_PATH } from '@/lib/routes';
import { handleViewBeacon } from '@/lib/views/beacon-http';
import { viewCounter } from '@/lib/views/view-counter';

const port = Number(process.env.VIEWS_PORT || 3099);
const views = viewCounter();

const server = http.createServer((req, res) => {
  if (req.url === VIEW_BEACON_PATH) return handleViewBeacon(req, res);
  sendAnswer(res, jsonAnswer(404, { error: 'not found' }));
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
