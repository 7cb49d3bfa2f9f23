/**
 * The portal's HTTP server: Next.js with a thin front door (`npm start` runs it; so do the
 * tests, the benchmark and the Lighthouse audit). Before Next sees a request it
 * - answers the view beacon, POST /api/views, in plain node:http (lib/views/beacon-http.ts);
 * - gives the answers an App Router page cannot (301 to an article's canonical URL, 410 for a
 *   withdrawn one) and sends URLs that must not reach an ISR route to the 404 page
 *   (lib/http/front-door.ts).
 * Everything else, staff area included, is Next's (its proxy.ts still guards /admin). This is the
 * only way the portal serves in production: under plain `next start` all of the above would
 * silently disappear, so instrumentation.ts refuses to start without it (lib/server-entry.ts).
 *
 * Usage: node --import tsx server.ts [-p PORT] [-H HOST] [--dev]. SIGTERM/SIGINT: stop
 * accepting, let requests in flight finish, then exit; the exit hooks flush the view buffer
 * and close the database (db/client.ts).
 */
import http from 'node:http';
import next from 'next';
import { bodyLimitFor, limitRequestBody } from '@/lib/http/body-limit';
import { stampClientAddress, trustedProxyHops } from '@/lib/http/client-address';
import { frontDoorDecision, methodDecision, originForm } from '@/lib/http/front-door';
import { sendAnswer } from '@/lib/http/front-door-types';
import { everyResponseHeaders, scriptNonce, staffPageHeaders } from '@/lib/http/security-headers';
import { VIEW_BEACON_PATH } from '@/lib/routes';
import { handleViewBeacon } from '@/lib/views/beacon-http';
import { getDb } from '@/db/client';
import { followOtherProcesses } from '@/lib/cache/shared-invalidation';
import { refreshHotList, refreshHotOnOtherWriters } from '@/lib/views/hot-refresh';
import { viewCounter } from '@/lib/views/view-counter';
import { markStartedThroughServerTs } from '@/lib/server-entry';

function option(short: string, long: string): string | undefined {
  const at = process.argv.findIndex((arg) => arg === short || arg === long);
  return at < 0 ? undefined : process.argv[at + 1];
}
const dev = process.argv.includes('--dev');
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? '0.0.0.0';
// The scheduler, the 周热点 refresh and the shared cache log call this process's internal routes
// at 127.0.0.1:$PORT (lib/scheduler), so PORT must name the port this server listens on.
process.env.PORT = String(port);
// How many proxies in front of us may name the client in X-Forwarded-For (lib/http/client-address.ts).
const proxyHops = trustedProxyHops();
const site = { siteUrl: process.env.SITE_URL || '', dev };
const securityHeaderList = Object.entries(everyResponseHeaders(site));

// Without this mark instrumentation.ts stops a production server: plain `next start` would
// serve without everything above and below (lib/server-entry.ts).
markStartedThroughServerTs();
const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// Views written to the database refresh the cached 周热点 pages (lib/views/hot-refresh.ts).
viewCounter().onFlushed = refreshHotList;
refreshHotOnOtherWriters(getDb().$client);
// Edits, publications and withdrawals made through another portal process on the same database
// reach this process's cached pages within seconds (lib/cache/shared-invalidation.ts).
followOtherProcesses(getDb().$client);

const server = http.createServer((req, res) => {
  // An absolute-form target ("GET http://host/admin/…") is its path from here on, so the staff
  // headers, body limits and front-door rules below see what Next will route.
  const target = req.url ?? '/';
  const url = (req.url = originForm(target) ?? target);
  for (const [name, value] of securityHeaderList) res.setHeader(name, value);
  if (url === VIEW_BEACON_PATH) return handleViewBeacon(req, res);
  // Every body is counted as it arrives and refused past its route's limit (lib/http/body-limit.ts).
  if (!limitRequestBody(req, res, bodyLimitFor(url))) return;
  // The one client address code under Next reads, from the socket and TRUST_PROXY only.
  stampClientAddress(req, proxyHops);
  // Next takes its script nonce from the request's CSP header: only ours, only on staff pages.
  delete req.headers['content-security-policy'];
  delete req.headers['content-security-policy-report-only'];
  const staff = url.startsWith('/admin') ? staffPageHeaders(url.split('?', 1)[0]!, { ...site, nonce: scriptNonce() }) : undefined;
  if (staff) for (const [name, value] of Object.entries(staff)) res.setHeader(name, value);
  if (staff?.['Content-Security-Policy']) req.headers['content-security-policy'] = staff['Content-Security-Policy'];
  try {
    const decision = methodDecision(req.method, url) ?? frontDoorDecision(url);
    if (decision?.kind === 'answer') return sendAnswer(res, decision, req.method);
    if (decision?.kind === 'rewrite') req.url = decision.url;
  } catch (error) {
    // The database busy beyond its timeout, say: Next's own routes still answer correctly.
    console.error('front door check failed for', url, error);
  }
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`▲ 门户已启动 http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}${dev ? ' (开发模式)' : ''}`);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests that do not finish in time are cut; the exit hooks still flush and close.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
