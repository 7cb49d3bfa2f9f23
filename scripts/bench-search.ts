/**
 * `npm run bench:search`: site search speed and size on 100,000 articles (issue 5).
 *
 * Seeds a throwaway database (lib/seed, the same as scripts/db-seed.ts, with the search
 * triggers indexing as it goes), rebuilds the index from scratch to time a full build, then
 * runs the recall/precision query set (tests/fixtures/search-queries.json) plus random queries
 * through the public search (count + 20 results + snippets) and times an article edit with
 * the index kept in step. Prints the figures and PASS/FAIL per target. Not part of `npm test`.
 *
 * Environment: BENCH_ARTICLES (100000), BENCH_RANDOM_QUERIES (400), BENCH_DB (a file to use
 * instead of a temporary one; kept afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from '@/db/client';
import { searchArticles } from '@/db/queries/search';
import { htmlToText } from '@/lib/html';
import { parseQuery } from '@/lib/search/query';
import { rebuildSearchIndex } from '@/lib/search/sql-functions';
import { rng } from '@/lib/seed/corpus';
import { seedDatabase } from '@/lib/seed/seed-database';
import { visibleClause } from '@/db/visibility';

const ARTICLES = Number(process.env.BENCH_ARTICLES || 100_000);
const RANDOM_QUERIES = Number(process.env.BENCH_RANDOM_QUERIES || 400);
const tmpDir = process.env.BENCH_DB ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
const file = process.env.BENCH_DB || path.join(tmpDir!, 'bench.db');
process.env.DATABASE_PATH = file;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const db = getDb();
  let sqlite = db.$client;
  // FTS5 merges its segments as rows arrive; with SQLite's default 2 MB page cache a 100,000-row
  // load re-reads them over and over. A bulk load gets a bigger cache, as a maintenance job would.
  sqlite.pragma('cache_size = -65536');

  let t = performance.now();
  seedDatabase(db, { articles: ARTICLES });
  const seedMs = performance.now() - t;
  const count = (sqlite.prepare('select count(*) n from articles').get() as { n: number }).n;
  console.log(`数据库 ${file}: ${count} 篇文章, 生成并写入(触发器同步建索引) ${(seedMs / 1000).toFixed(1)} s`);

  // A full rebuild, as the migration does for existing articles, then FTS5's optimize (merge
  // all segments into one), which is what a quiet night's maintenance would run.
  t = performance.now();
  rebuildSearchIndex(sqlite);
  const buildMs = performance.now() - t;
  t = performance.now();
  sqlite.exec(`insert into search_fts (search_fts) values ('optimize')`);
  sqlite.exec(`insert into search_title_fts (search_title_fts) values ('optimize')`);
  const optimizeMs = performance.now() - t;
  sqlite.exec('vacuum');
  // VACUUM in WAL mode leaves the whole file in the WAL: checkpoint now, not in the first timed write.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Measure as a server process would: a fresh connection to the built database (queries run
  // right after the bulk load on the loading connection were, unexplained, far slower).
  closeDb();
  sqlite = getDb().$client;

  // Every table and index the search adds: search_fts*, search_title_fts*, search_docs(+ index).
  const size = (sqlite.prepare(`select sum(pgsize) n from dbstat where name like 'search\\_%' escape '\\'`).get() as { n: number }).n;
  const ftsOnly = (sqlite.prepare(`select sum(pgsize) n from dbstat where name like 'search\\_%fts%' escape '\\'`).get() as { n: number }).n;
  const dbSize = fs.statSync(file).size;
  let textBytes = 0;
  let htmlBytes = 0;
  for (const row of sqlite.prepare('select title, subtitle, summary, body from articles').iterate() as Iterable<{
    title: string;
    subtitle: string | null;
    summary: string;
    body: string;
  }>) {
    textBytes += Buffer.byteLength(row.title) + Buffer.byteLength(row.subtitle ?? '') + Buffer.byteLength(row.summary);
    textBytes += Buffer.byteLength(htmlToText(row.body));
    htmlBytes += Buffer.byteLength(row.body);
  }

  // Queries: the recall/precision set, then random 1–6 character pieces of random articles.
  const fixture = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/search-queries.json'), 'utf8')) as {
    queries: Array<{ q: string }>;
  };
  const queries = fixture.queries.map((x) => x.q);
  const r = rng(20260529);
  const maxId = (sqlite.prepare('select max(id) n from articles').get() as { n: number }).n;
  const pick = sqlite.prepare('select title, body from articles where id >= ? order by id limit 1');
  while (queries.length < fixture.queries.length + RANDOM_QUERIES) {
    const row = pick.get(1 + Math.floor(r() * maxId)) as { title: string; body: string };
    const source = r() < 0.5 ? row.title : htmlToText(row.body);
    const cps = [...source.replace(/[\s,。、%]/g, '')];
    const len = 1 + Math.floor(r() * 6);
    const at = Math.floor(r() * Math.max(1, cps.length - len));
    queries.push(cps.slice(at, at + len).join(''));
  }
  const sorts = ['relevance', 'date'] as const;
  for (const q of queries.slice(0, 30)) await searchArticles(parseQuery(q)!, {}); // warm-up
  const times: number[] = [];
  const slow: Array<[string, number, number]> = [];
  let i = 0;
  for (const q of queries) {
    const parsed = parseQuery(q);
    if (!parsed) continue;
    const start = performance.now();
    const res = await searchArticles(parsed, { sort: sorts[i++ % 2] });
    const took = performance.now() - start;
    if (took > 500) console.log(`  慢查询: ${q} (${res.total} 条, ${ms(took)})`);
    times.push(took);
    slow.push([q, took, res.total]);
  }
  const byClass = new Map<string, number[]>();
  for (const [q, took] of slow) {
    const n = [...q].length;
    const cls = n === 1 ? '1 字' : n === 2 ? '2 字' : n <= 4 ? '3–4 字' : '5 字以上';
    byClass.set(cls, [...(byClass.get(cls) ?? []), took]);
  }
  times.sort((a, b) => a - b);
  slow.sort((a, b) => b[1] - a[1]);

  // Keeping the index in step: an edit of one article's body (what saving or publishing does),
  // in its own transaction, trigger re-tokenizing and re-indexing included.
  const target = (sqlite.prepare(`select id, body from articles where ${visibleClause()} order by published_at desc limit 1`).get({ now: Date.now() }) as {
    id: number;
    body: string;
  });
  const update = sqlite.prepare('update articles set body = ?, updated_at = ?, version = version + 1 where id = ?');
  const publishTimes: number[] = [];
  for (let n = 0; n < 50; n++) {
    const body = `${target.body}<p>更新第${n}次:龙泉驿区发布${n}号补充说明。</p>`;
    const start = performance.now();
    sqlite.transaction(() => update.run(body, Date.now(), target.id))();
    publishTimes.push(performance.now() - start);
  }
  publishTimes.sort((a, b) => a - b);
  const found = await searchArticles(parseQuery('49号补充说明')!, {});

  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const p99 = percentile(times, 99);
  const ratio = size / textBytes;
  const publishMax = publishTimes.at(-1)!;
  console.log('');
  console.log(`索引全量重建: ${(buildMs / 1000).toFixed(1)} s (+ optimize ${(optimizeMs / 1000).toFixed(1)} s)`);
  console.log(`文章文本 (标题+副标题+摘要+正文纯文本): ${mb(textBytes)}  (正文 HTML ${mb(htmlBytes)})`);
  console.log(`搜索索引: ${mb(size)} (FTS5 两表 ${mb(ftsOnly)} + search_docs ${mb(size - ftsOnly)}) = 文本的 ${ratio.toFixed(2)} 倍`);
  console.log(`数据库文件: ${mb(dbSize)}`);
  console.log(`查询 ${times.length} 次 (查询集 ${fixture.queries.length} + 随机 ${RANDOM_QUERIES}; 计数 + 20 条结果 + 摘要高亮):`);
  console.log(`  p50 ${ms(p50)}  p95 ${ms(p95)}  p99 ${ms(p99)}  max ${ms(times.at(-1)!)}`);
  for (const [cls, list] of [...byClass].sort()) {
    list.sort((a, b) => a - b);
    console.log(`  ${cls.padEnd(6)} ${String(list.length).padStart(4)} 次: p50 ${ms(percentile(list, 50))}  p95 ${ms(percentile(list, 95))}  max ${ms(list.at(-1)!)}`);
  }
  console.log(`  最慢: ${slow.slice(0, 5).map(([q, took, total]) => `${q} (${total} 条, ${ms(took)})`).join('; ')}`);
  console.log(`修改一篇文章正文并同步索引: p50 ${ms(percentile(publishTimes, 50))}  max ${ms(publishMax)} (50 次)`);
  console.log(`修改后立即可搜到: ${found.total > 0 && found.hits[0]?.id === target.id ? '是' : '否'}`);
  console.log('');
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`${verdict(p95 < 30)}  查询 p95 < 30 ms (${ms(p95)})`);
  console.log(`${verdict(ratio < 1.5)}  索引 < 1.5 倍文章文本 (${ratio.toFixed(2)} 倍)`);
  console.log(`${verdict(publishMax < 50)}  发布/修改一篇文章 < 50 ms (最慢 ${ms(publishMax)})`);
  closeDb();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
