/**
 * `npm run bench [-- --with-nginx] [-- --skip-build]`: the portal's load benchmark.
 *
 * Seeds a throwaway database with 100,000 articles, builds into NEXT_DIST_DIR (--skip-build
 * reuses the build already there) and starts the production server, then measures
 * with autocannon (20 connections, 10 s per target, after a warm-up) every public page type,
 * a plain node:http server returning the same article HTML from memory (the ceiling on this
 * machine), cache misses, the view beacon at 2,000 req/s, peak RSS and, with --with-nginx,
 * the article page through deploy/nginx.conf. Prints the table with PASS/FAIL against the
 * targets of issue 6 and writes it to bench/RESULTS.md. Exits 1 when any target fails: a target
 * is measured on answers that were 2xx (errors, timeouts and other statuses fail it), the cache
 * state is read from the x-nextjs-cache header of every measured answer, and each timed cache
 * miss must have been answered MISS.
 *
 * Environment: BENCH_PORT (default 3340; the next 3 ports are used too), BENCH_ARTICLES
 * (100000), BENCH_DURATION (10 s), NEXT_DIST_DIR (.next-bench), BUILD_LOCK (a file to
 * `flock` around `next build` when several people build on one machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '@/db/client';
import { seedDatabase } from '@/lib/seed/seed-database';
import { visibleClause } from '@/db/visibility';
import { articlePath as articleUrlPath, HOT_PATH, searchPath, sectionPath, SITE_FEED_PATH } from '@/lib/routes';
import { renderNginxConfig } from '@/lib/http/nginx-config';
import { buildPortal } from './lib/build';
import { portalServerArgs } from './lib/portal-server';

type Histogram = { average: number; mean: number; p50: number; p99: number; total: number };
type AutocannonResult = {
  /** Seconds the run took. */
  duration: number;
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
};
type AutocannonOptions = {
  url: string;
  connections?: number;
  duration?: number;
  amount?: number;
  overallRate?: number;
  /** Worker threads: the beacon's load generator gets its own event loop beside the page load. */
  workers?: number;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /** onResponse sees every answer's headers: how the cache state of the measured traffic is read. */
  requests?: Array<{ onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string | string[]>) => void }>;
};
const autocannon = createRequire(import.meta.url)('autocannon') as (o: AutocannonOptions) => Promise<AutocannonResult>;

const { values: flags } = parseArgs({
  options: { 'with-nginx': { type: 'boolean' }, 'skip-build': { type: 'boolean' } },
});
const root = process.cwd();
const basePort = Number(process.env.BENCH_PORT || 3340);
const ports = { next: basePort, ceiling: basePort + 1, nginx: basePort + 2, views: basePort + 3 };
const articlesWanted = Number(process.env.BENCH_ARTICLES || 100_000);
const duration = Number(process.env.BENCH_DURATION || 10);
const connections = 20;
const distDir = process.env.NEXT_DIST_DIR || '.next-bench';
const flushMs = 3000;
const browserUA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
const dbFile = path.join(tmp, 'portal.db');
const children: ChildProcess[] = [];
const cleanup = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('exit', () => {
  cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => process.exit(130));

const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- database
log(`seeding ${articlesWanted} articles into ${dbFile}`);
let t0 = performance.now();
const db = openDatabase(dbFile);
migrateDatabase(db);
seedDatabase(db, { articles: articlesWanted });
const sqlite = db.$client;
log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const sectionArticles = (slug: string, limit: number, offset: number) =>
  (
    sqlite
      .prepare(
        `select a.id from articles a join sections s on s.id = a.section_id
         where s.slug = ? and ${visibleClause('a')} order by a.published_at desc limit ? offset ?`,
      )
      .all(slug, limit, offset, { now: Date.now() }) as Array<{ id: number }>
  ).map((r) => r.id);
const [articleId] = sectionArticles('longquan', 1, 5);
// Articles nobody will have asked for: 2,000 deep in the section, or its oldest on a small corpus.
const freshIds = sectionArticles('longquan', 11, Math.min(2000, Math.max(0, sectionArticles('longquan', 1_000_000, 0).length - 11)));
const viewSum = (id: number) =>
  (sqlite.prepare('select coalesce(sum(count), 0) as n from article_views_daily where article_id = ?').get(id) as { n: number }).n;

// ---------------------------------------------------------------- build and start
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_PATH: dbFile,
  DATA_DIR: tmp,
  NEXT_DIST_DIR: distDir,
  VIEW_FLUSH_MS: String(flushMs),
  // The beacon targets send thousands of views from this one client to measure throughput and
  // lost counts; one view per reader per day would count one of them.
  VIEW_DEDUPE: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
};
if (!flags['skip-build']) {
  log(`building into ${distDir}`);
  if (!buildPortal(env, { quiet: true, lock: process.env.BUILD_LOCK })) throw new Error('next build failed');
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

const server = spawn(process.execPath, portalServerArgs(ports.next), {
  // As README "Deployment" runs it: a 256 MB old-space cap makes V8 collect before the heap
  // balloons under load (peak RSS ~350 → ~210 MB in a quick test); live data is far below it.
  env: { ...env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=256'].filter(Boolean).join(' ') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
children.push(server);
const nextUrl = `http://127.0.0.1:${ports.next}`;
await waitFor(`${nextUrl}/api/health`);
log(`portal server pid ${server.pid} on ${nextUrl}`);

// ---------------------------------------------------------------- peak RSS of the server tree
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const kids = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids ? kids.split(/\s+/) : []) out.push(...processTree(Number(kid)));
    }
  } catch {
    // the process ended between reads
  }
  return out;
}
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
let peakTreeKb = 0;
const rssTimer = setInterval(() => {
  const kb = processTree(server.pid!).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
  peakTreeKb = Math.max(peakTreeKb, kb);
}, 200);

// ---------------------------------------------------------------- the ceiling
const articlePath = articleUrlPath('longquan', articleId!);
// The article page as autocannon gets it (no compression), and every header the portal sends
// with it but those that describe the connection or the encoding: the ceiling writes the same
// bytes, headers (CSP, cache-control, x-nextjs-cache, …) included.
await fetch(nextUrl + articlePath).then((r) => r.arrayBuffer()); // the first answer fills the cache
const portalArticle = await fetch(nextUrl + articlePath, { headers: { 'accept-encoding': 'identity' } });
const articleHtml = Buffer.from(await portalArticle.arrayBuffer());
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);
const ceilingHeaders = [...portalArticle.headers].filter(([name]) => !CONNECTION_HEADERS.has(name));
const htmlFile = path.join(tmp, 'article.html');
const headersFile = path.join(tmp, 'article-headers.json');
fs.writeFileSync(htmlFile, articleHtml);
fs.writeFileSync(headersFile, JSON.stringify(ceilingHeaders));
const ceiling = spawn(
  process.execPath,
  [
    '-e',
    `const http = require('node:http'); const fs = require('node:fs');
     const body = fs.readFileSync(process.argv[1]);
     const headers = [...JSON.parse(fs.readFileSync(process.argv[2], 'utf8')), ['content-length', String(body.length)]];
     http.createServer((req, res) => { res.writeHead(200, headers.flat()); res.end(body); })
       .listen(Number(process.argv[3]), '127.0.0.1');`,
    htmlFile,
    headersFile,
    String(ports.ceiling),
  ],
  { stdio: 'inherit' },
);
children.push(ceiling);
const ceilingUrl = `http://127.0.0.1:${ports.ceiling}`;
await waitFor(ceilingUrl);

// ---------------------------------------------------------------- measurements
type Row = {
  name: string;
  path: string;
  /** Answers with a 2xx status per second: errors, timeouts and other statuses do not count. */
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  /** x-nextjs-cache (or nginx's x-cache-status) of every measured answer, by value. */
  cache: Map<string, number>;
  note?: string;
  /** Errors, timeouts and non-2xx answers during the measured run. */
  errors: number;
};
const rows: Row[] = [];

/** A load run that also tallies the cache state every answer reports. */
async function loadRun(options: AutocannonOptions): Promise<{ result: AutocannonResult; cache: Map<string, number> }> {
  const cache = new Map<string, number>();
  const result = await autocannon({
    ...options,
    requests: [
      {
        onResponse: (_status, _body, _context, headers) => {
          let state = 'absent';
          for (const [name, value] of Object.entries(headers)) {
            const lower = name.toLowerCase();
            if (lower === 'x-nextjs-cache' || lower === 'x-cache-status') state = String(value);
          }
          cache.set(state, (cache.get(state) ?? 0) + 1);
        },
      },
    ],
  });
  return { result, cache };
}
const answersWith2xx = (r: AutocannonResult) => r['2xx'] / r.duration;
const failures = (r: AutocannonResult) => r.errors + r.timeouts + r.non2xx;
const cacheSummary = (cache: Map<string, number>) => {
  const total = [...cache.values()].reduce((a, b) => a + b, 0);
  return [...cache].map(([state, n]) => `${state} ${((100 * n) / Math.max(total, 1)).toFixed(n === total ? 0 : 1)}%`).join(', ');
};
const allAnswered = (cache: Map<string, number>, state: string) => cache.size === 1 && cache.has(state);

async function measure(name: string, base: string, pathname: string): Promise<Row | undefined> {
  const url = base + pathname;
  const probe = await fetch(url);
  const bytes = (await probe.arrayBuffer()).byteLength;
  if (probe.status !== 200) {
    log(`${name}: n/a (${probe.status})`);
    rows.push({ name, path: pathname, rps: NaN, p50: NaN, p99: NaN, bytes, cache: new Map(), note: `n/a (${probe.status})`, errors: 1 });
    return undefined;
  }
  await autocannon({ url, connections, duration: 3 }); // warm-up: JIT, caches, keep-alive sockets
  const { result: r, cache } = await loadRun({ url, connections, duration });
  const row: Row = {
    name,
    path: pathname,
    rps: answersWith2xx(r),
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes,
    cache,
    errors: failures(r),
  };
  rows.push(row);
  log(`${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${cacheSummary(cache)}${row.errors ? `, ${row.errors} errors` : ''}`);
  return row;
}

const ceilingRow = (await measure('ceiling: node:http, same HTML from memory', ceilingUrl, '/'))!;
const articleRow = await measure('article page (ISR)', nextUrl, articlePath);
// Next's own floor on this machine: its smallest static answer, no page, no data. The cached article
// page cannot be served faster than this, whatever the page holds.
await measure('Next floor: static /robots.txt', nextUrl, '/robots.txt');
await measure('home', nextUrl, '/');
await measure('section page 1', nextUrl, sectionPath('longquan'));
await measure('section page 50', nextUrl, sectionPath('longquan', 50));
await measure('/hot', nextUrl, HOT_PATH);
await measure('/rss.xml', nextUrl, SITE_FEED_PATH);
await measure('/search?q=龙泉', nextUrl, searchPath({ q: '龙泉' }));

// Cache misses: the first request for articles nobody has asked for yet, one at a time. Each
// timed answer must be a 200 the server reports as a MISS, or the figure measured something else.
const missTimes: number[] = [];
const missAnswers: string[] = [];
for (const [i, id] of freshIds.entries()) {
  const started = performance.now();
  const res = await fetch(`${nextUrl}/news/longquan/${id}`);
  await res.arrayBuffer();
  const ms = performance.now() - started;
  const answer = `${res.status} ${res.headers.get('x-nextjs-cache') ?? 'absent'}`;
  if (i > 0) {
    // the first one also pays for loading the route's code
    missTimes.push(ms);
    missAnswers.push(answer);
  }
}
const missesWereMisses = missAnswers.length > 0 && missAnswers.every((a) => a === '200 MISS');
missTimes.sort((a, b) => a - b);
const missP50 = missTimes[Math.floor(missTimes.length / 2)] ?? NaN;
const missMax = missTimes.at(-1) ?? NaN;
log(`cache miss (${missTimes.length} fresh articles): p50 ${missP50.toFixed(1)} ms, max ${missMax.toFixed(1)} ms`);

// The view beacon at 2,000 req/s while the article page is under full load, against `base`
// (the portal server itself, or nginx in front of it); counted after the buffers have flushed.
const beaconRequests = 2000 * duration;
type BeaconRun = { sent: number; acknowledged: number; counted: number; rps: number; pagesDuring: number; pageErrors: number };
async function beaconUnderLoad(base: string, id: number): Promise<BeaconRun> {
  const start = viewSum(id);
  const [beacon, pages] = await Promise.all([
    autocannon({
      url: `${base}/api/views`,
      method: 'POST',
      connections,
      overallRate: 2000,
      workers: 1,
      amount: beaconRequests,
      body: JSON.stringify({ id }),
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': browserUA },
    }),
    autocannon({ url: base + articlePath, connections, duration }),
  ]);
  const pageErrors = failures(pages);
  await sleep(flushMs * 2 + 1000);
  const acknowledged = beacon.statusCodeStats['204']?.count ?? 0;
  return {
    sent: beaconRequests,
    acknowledged,
    counted: viewSum(id) - start,
    // Achieved rate over the whole fixed-size run (the per-second average misses the partial last second).
    rps: acknowledged / beacon.duration,
    pagesDuring: answersWith2xx(pages),
    pageErrors,
  };
}

const { acknowledged, counted, rps: beaconRps, pagesDuring: underBeaconRps, pageErrors: underBeaconErrors } = await beaconUnderLoad(nextUrl, articleId!);
const slowdown = articleRow ? 1 - underBeaconRps / articleRow.rps : NaN;
log(`beacon: ${acknowledged} acknowledged (${beaconRps.toFixed(0)} req/s), ${counted} counted; article page ${underBeaconRps.toFixed(0)} req/s meanwhile`);

// Through nginx (deploy/nginx.conf) with the same ceiling, and the beacon through nginx to its
// own process (scripts/views-server.ts), as deployed.
let nginxRow: Row | undefined;
let nginxBeacon: (BeaconRun & { pagesAlone: number }) | undefined;
if (flags['with-nginx']) {
  const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const viewsServer = spawn(process.execPath, [tsxCli, path.join(root, 'scripts', 'views-server.ts')], {
    env: { ...env, VIEWS_PORT: String(ports.views) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(viewsServer);
  const prefix = path.join(tmp, 'nginx');
  const conf = renderNginxConfig(fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8'), {
    prefix,
    listenPort: ports.nginx,
    upstreams: [`127.0.0.1:${ports.next}`],
    runAsRoot: process.getuid?.() === 0,
    views: `127.0.0.1:${ports.views}`,
  });
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  const nginxBin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const nginx = spawn(nginxBin, ['-p', prefix, '-e', path.join(prefix, 'logs', 'error.log'), '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: 'inherit',
  });
  children.push(nginx);
  const nginxUrl = `http://127.0.0.1:${ports.nginx}`;
  await waitFor(`${nginxUrl}/api/health`);
  nginxRow = await measure('article page through nginx', nginxUrl, articlePath);
  await measure('home through nginx', nginxUrl, '/');

  nginxBeacon = { ...(await beaconUnderLoad(nginxUrl, freshIds[1]!)), pagesAlone: nginxRow?.rps ?? NaN };
  log(`beacon via nginx → views-server: ${nginxBeacon.acknowledged} acknowledged (${nginxBeacon.rps.toFixed(0)} req/s), ${nginxBeacon.counted} counted; article via nginx ${nginxBeacon.pagesDuring.toFixed(0)} req/s meanwhile`);
}

clearInterval(rssTimer);
const hwmKb = processTree(server.pid!).reduce((max, pid) => Math.max(max, statusKb(pid, 'VmHWM')), 0);
const peakRssMb = Math.max(peakTreeKb, hwmKb) / 1024;

// Graceful shutdown of the portal server: views acknowledged moments before SIGTERM (well inside
// the flush interval, so still only in the server's memory) must be in the database after exit.
const shutdownId = freshIds[0]!;
const beforeStop = viewSum(shutdownId);
const stopViews = 300;
const stopStatuses = await Promise.all(
  Array.from({ length: stopViews }, () =>
    fetch(`${nextUrl}/api/views`, {
      method: 'POST',
      body: JSON.stringify({ id: shutdownId }),
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': browserUA },
    }).then((r) => r.status),
  ),
);
const stopAcknowledged = stopStatuses.filter((s) => s === 204).length;
const stopped = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
server.kill('SIGTERM');
const exitCode = await stopped;
const stopCounted = viewSum(shutdownId) - beforeStop;
log(`SIGTERM: exit ${exitCode}, ${stopAcknowledged} views acknowledged just before, ${stopCounted} in the database after`);

// ---------------------------------------------------------------- report
const pct = (v: number, of: number) => (Number.isFinite(v) ? `${((100 * v) / of).toFixed(1)}%` : 'n/a');
const times = (v: number, of: number) => (Number.isFinite(v) ? `×${(v / Math.max(of, 0.5)).toFixed(1)}` : 'n/a');
const num = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const table = [
  '| target | req/s | vs ceiling | p50 ms | vs ceiling | p99 ms | vs ceiling | bytes | cache |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) =>
    r.note
      ? `| ${r.name} \`${r.path}\` | ${r.note} | | | | | | | |`
      : `| ${r.name} \`${r.path}\` | ${num(r.rps)} | ${pct(r.rps, ceilingRow.rps)} | ${r.p50} | ${times(r.p50, ceilingRow.p50)} | ${r.p99} | ${times(r.p99, ceilingRow.p99)} | ${r.bytes} | ${cacheSummary(r.cache)}${r.errors ? ` (${r.errors} errors)` : ''} |`,
  ),
];

const checks: Array<[string, boolean, string]> = [];
// Every measured target answered every request with a 2xx (the figures above count only those).
for (const r of rows) checks.push([`${r.name}: every answer 2xx, no errors or timeouts`, r.errors === 0, r.note ?? `${r.errors} errors, timeouts or non-2xx`]);
if (articleRow) {
  const clean = articleRow.errors === 0;
  checks.push(['article page >= 1000 req/s', clean && articleRow.rps >= 1000, `${num(articleRow.rps)} req/s${clean ? '' : `, ${articleRow.errors} errors`}`]);
  checks.push(['article page >= 20% of ceiling', clean && articleRow.rps >= 0.2 * ceilingRow.rps, pct(articleRow.rps, ceilingRow.rps)]);
  checks.push(['article page p99 < 50 ms', clean && articleRow.p99 < 50, `${articleRow.p99} ms`]);
  checks.push(['article page served from the ISR cache', allAnswered(articleRow.cache, 'HIT'), `x-nextjs-cache of the measured answers: ${cacheSummary(articleRow.cache)}`]);
} else {
  checks.push(['article page answers 200', false, rows.find((r) => r.path === articlePath)?.note ?? 'not measured']);
}
checks.push(['cache miss < 50 ms (p50 of fresh articles)', missesWereMisses && missP50 < 50, `p50 ${missP50.toFixed(1)} ms, max ${missMax.toFixed(1)} ms`]);
checks.push(['cache-miss requests were answered 200 MISS', missesWereMisses, [...new Set(missAnswers)].join(', ')]);
checks.push(['peak RSS < 400 MB', peakRssMb < 400, `${peakRssMb.toFixed(0)} MB`]);
checks.push(['view beacon loses no counts', acknowledged === beaconRequests && counted === acknowledged, `${beaconRequests} sent, ${acknowledged} acknowledged, ${counted} counted`]);
checks.push(['view beacon ~2,000 req/s reached', beaconRps >= 1900, `${num(beaconRps)} req/s`]);
checks.push(['beacon slows page serving < 10%', underBeaconErrors === 0 && slowdown < 0.1, `${num(articleRow?.rps ?? NaN)} → ${num(underBeaconRps)} req/s (${(slowdown * 100).toFixed(1)}% slower)${underBeaconErrors ? `, ${underBeaconErrors} page errors` : ''}`]);
checks.push(['SIGTERM flushes buffered views', stopAcknowledged === stopViews && stopCounted === stopAcknowledged, `${stopAcknowledged} acknowledged, ${stopCounted} written, exit code ${exitCode}`]);
if (nginxRow) checks.push(['article page through nginx >= 60% of ceiling', nginxRow.errors === 0 && nginxRow.rps >= 0.6 * ceilingRow.rps, pct(nginxRow.rps, ceilingRow.rps)]);
if (nginxBeacon) {
  const nb = nginxBeacon;
  const slower = 1 - nb.pagesDuring / nb.pagesAlone;
  checks.push(['beacon via nginx → views-server loses no counts', nb.acknowledged === nb.sent && nb.counted === nb.acknowledged, `${nb.sent} sent, ${nb.acknowledged} acknowledged, ${nb.counted} counted`]);
  checks.push(['beacon via nginx → views-server ~2,000 req/s reached', nb.rps >= 1900, `${num(nb.rps)} req/s`]);
  checks.push(['beacon via views-server slows page serving (through nginx) < 10%', nb.pageErrors === 0 && slower < 0.1, `${num(nb.pagesAlone)} → ${num(nb.pagesDuring)} req/s (${(slower * 100).toFixed(1)}% slower)${nb.pageErrors ? `, ${nb.pageErrors} page errors` : ''}`]);
}
const verdicts = checks.map(([what, ok, detail]) => `- ${ok ? 'PASS' : 'FAIL'} ${what}: ${detail}`);
const failed = checks.filter(([, ok]) => !ok).length;

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average before the run ${os.loadavg()[0]!.toFixed(2)}`;
const report = [
  '# Benchmark results',
  '',
  `\`npm run bench${flags['with-nginx'] ? ' -- --with-nginx' : ''}\` on ${new Date().toISOString()} (${machine}).`,
  `${articlesWanted.toLocaleString('en')} articles; autocannon, ${connections} connections, ${duration} s per target after a 3 s warm-up.`,
  'The ceiling is a plain node:http server returning the article page\'s HTML from memory; "vs ceiling" is',
  'the share of its req/s, and latency as a multiple of its latency. Load generator and servers share the machine.',
  '',
  ...table,
  '',
  `Cache miss (first request for ${missTimes.length} never-requested articles, one at a time): p50 ${missP50.toFixed(1)} ms, max ${missMax.toFixed(1)} ms; answers ${[...new Set(missAnswers)].join(', ')}.`,
  `View beacon: ${beaconRequests} POSTs at ${num(beaconRps)} req/s, ${acknowledged} answered 204, ${counted} counted after the flush; article page meanwhile ${num(underBeaconRps)} req/s.`,
  `Peak RSS of the portal server process tree: ${peakRssMb.toFixed(0)} MB.`,
  `Graceful shutdown: ${stopAcknowledged} views acknowledged, then SIGTERM; ${stopCounted} in the database after exit (code ${exitCode}).`,
  ...(nginxBeacon
    ? [
        `View beacon as deployed (nginx → scripts/views-server.ts): ${nginxBeacon.sent} POSTs at ${num(nginxBeacon.rps)} req/s, ${nginxBeacon.acknowledged} answered 204, ${nginxBeacon.counted} counted; article page through nginx ${num(nginxBeacon.pagesAlone)} req/s alone, ${num(nginxBeacon.pagesDuring)} req/s meanwhile.`,
      ]
    : []),
  '',
  '## Targets',
  '',
  ...verdicts,
  '',
  failed === 0 ? 'All targets met.' : `${failed} of ${checks.length} targets FAILED.`,
  '',
].join('\n');

console.log(`\n${report}`);
appendToLog(report);
log('added to the top of bench/RESULTS.md');
sqlite.close();
cleanup();
/**
 * bench/RESULTS.md is the dated log of runs, newest first: each run's report goes on top and the
 * earlier ones stay below it (the README keeps only the current figures).
 */
function appendToLog(latest: string): void {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const title = '# Benchmark results';
  const earlier = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(/^# Benchmark results[^\n]*\n+/, '') : '';
  const body = latest.replace(/^# Benchmark results[^\n]*\n+/, '').replace(/^## /gm, '### ');
  const run = `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n${body}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [title, '', run.trimEnd(), '', earlier.trim() ? earlier.trimEnd() + '\n' : ''].join('\n'));
}

// A missed target is a failed run, for CI and for whoever reads only the exit status.
process.exit(failed === 0 ? 0 : 1);
