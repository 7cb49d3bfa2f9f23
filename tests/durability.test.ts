import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/db/mutations/articles';
import { getPublicArticle, listSectionArticles } from '@/db/queries/articles';
import { parseQuery } from '@/lib/search/query';
import { ViewBuffer } from '@/lib/views/view-buffer';
import { visibleClause } from '@/db/visibility';
import { useTestDatabase } from './helpers/test-db';

/**
 * Nothing lost: several processes write one SQLite file (as several `next start` processes
 * behind nginx do) without a SQLITE_BUSY reaching anyone; a writer killed with SIGKILL in the
 * middle of a stream of writes, or of saveArticle with the search index triggers firing, leaves
 * an intact database (and index) holding every acknowledged write. What a real server.ts does
 * on SIGTERM is tested against a production build in e2e/reading.spec.ts.
 */
const { db, file, cleanup } = useTestDatabase({ articles: 300 });
afterAll(cleanup);

const worker = path.join(import.meta.dirname, 'helpers', 'durability-worker.ts');
function startWorker(mode: string, count: number, env: Record<string, string> = {}): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, mode, String(count)], {
    env: { ...process.env, DATABASE_PATH: file, VIEW_FLUSH_MS: '600000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  // 'close' comes after the last stdout data, unlike 'exit'.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, lines, exited };
}
const waitUntil = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

const sqlite = db.$client;
const editorId = Number(
  sqlite
    .prepare("insert into users (username, display_name, role, password_hash, created_at, updated_at) values ('durability-editor', '编辑', 'editor', 'x', ?, ?)")
    .run(Date.now(), Date.now()).lastInsertRowid,
);
const articleIds = (sqlite.prepare(`select id from articles where ${visibleClause()} order by id limit 3`).all({ now: Date.now() }) as Array<{ id: number }>).map((r) => r.id);
const [mine, theirs, viewed] = articleIds as [number, number, number];
const version = (id: number) => (sqlite.prepare('select version from articles where id = ?').get(id) as { version: number }).version;
const views = (id: number) => (sqlite.prepare('select coalesce(sum(count), 0) as n from article_views_daily where article_id = ?').get(id) as { n: number }).n;

describe('several processes writing one database', () => {
  it('never hands a SQLITE_BUSY to anyone while two other processes write', async () => {
    const theirStart = version(theirs);
    const viewsBefore = views(viewed);
    const saver = startWorker('save', 150, { ARTICLE_ID: String(theirs), EDITOR_ID: String(editorId) });
    const counter = startWorker('views', 3000, { ARTICLE_ID: String(viewed) });
    const buffer = new ViewBuffer(sqlite, { flushIntervalMs: 600_000 });
    const section = (sqlite.prepare('select section_id as s from articles where id = ?').get(mine) as { s: number }).s;
    const errors: unknown[] = [];
    let saves = 0;
    let running = 2;
    void saver.exited.then(() => running--);
    void counter.exited.then(() => running--);
    // This process reads pages and writes (an editor saving, view flushes) until both are done.
    while (running > 0) {
      try {
        const current = version(mine);
        const result = saveArticle(
          mine,
          current,
          { title: `本进程保存 ${saves}`, subtitle: null, sectionId: section, source: '原创', byline: [], responsibleEditor: null, summary: '', coverImage: null, coverAlt: null, body: '<p>正文</p>' },
          { id: editorId, role: 'editor' },
        );
        if (!result.ok) throw new Error(result.message);
        saves++;
        await listSectionArticles([section], 1);
        await getPublicArticle(mine);
        buffer.record(mine);
        buffer.flush();
      } catch (error) {
        errors.push(error);
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(errors).toEqual([]);
    expect(saver.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(counter.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(saver.lines.at(-1)).toBe('done');
    expect(counter.lines.at(-1)).toBe('done');
    expect(version(theirs)).toBe(theirStart + 150);
    expect(views(viewed)).toBe(viewsBefore + 3000);
    expect(saves).toBeGreaterThan(0);
  });
});

describe('a writer killed with SIGKILL mid-stream', () => {
  it('leaves an intact database with every acknowledged write', async () => {
    const w = startWorker('audit', 1_000_000);
    await waitUntil(() => w.lines.filter((l) => l.startsWith('ack')).length >= 400, '400 acknowledged writes');
    w.child.kill('SIGKILL');
    expect(await w.exited).toBeNull();
    const acked = w.lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));

    // A fresh connection, as the next process to start would open it (recovering from the WAL).
    const after = new Database(file);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(
        (after.prepare("select id from audit_log where action = 'durability'").all() as Array<{ id: number }>).map((r) => r.id),
      );
      const missing = acked.filter((id) => !present.has(id));
      expect(acked.length).toBeGreaterThanOrEqual(400);
      expect(missing).toEqual([]);
    } finally {
      after.close();
    }
  });
});

describe('a writer killed with SIGKILL in the middle of saveArticle', () => {
  it('leaves the database and the search index intact, with every acknowledged save', async () => {
    // Published articles keep a revision per save, so each acknowledged save can be found again.
    const ids = (sqlite.prepare("select id from articles where status = 'published' order by id desc limit 4").all() as Array<{ id: number }>).map((r) => r.id);
    const w = startWorker('save-many', 1_000_000, { ARTICLE_IDS: ids.join(','), EDITOR_ID: String(editorId) });
    await waitUntil(() => w.lines.filter((l) => l.startsWith('ack ')).length >= 200, '200 acknowledged saves');
    w.child.kill('SIGKILL');
    expect(await w.exited).toBeNull();
    expect(w.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    const acked = w.lines
      .filter((l) => l.startsWith('ack '))
      .map((l) => {
        const [, id, version, ...title] = l.split(' ');
        return { id: Number(id), version: Number(version), title: title.join(' ') };
      });
    expect(acked.length).toBeGreaterThanOrEqual(200);

    // A fresh connection, as the next process to start would open it (recovering from the WAL).
    const after = new Database(file);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      // FTS5's own check of its index structures (contentless tables have no content to compare).
      for (const table of ['search_fts', 'search_title_fts']) {
        expect(() => after.prepare(`insert into ${table}(${table}) values ('integrity-check')`).run(), table).not.toThrow();
      }

      const revision = after.prepare('select 1 from article_revisions where article_id = ? and version = ? and title = ?');
      const missing = acked.filter((s) => revision.get(s.id, s.version, s.title) === undefined);
      expect(missing).toEqual([]);

      // The index agrees with each article row: its title finds it (in both tables), the titles
      // it had before do not, and its filter row is there.
      const matches = (table: string, title: string) =>
        (after.prepare(`select rowid as id from ${table} where ${table} match ?`).all(parseQuery(title)!.match) as Array<{ id: number }>).map((r) => r.id);
      for (const id of ids) {
        const row = after.prepare('select version, title from articles where id = ?').get(id) as { version: number; title: string };
        const mine = acked.filter((s) => s.id === id);
        expect(row.version).toBeGreaterThanOrEqual(mine.at(-1)!.version);
        expect(matches('search_fts', row.title), row.title).toEqual([id]);
        expect(matches('search_title_fts', row.title), row.title).toEqual([id]);
        expect(matches('search_fts', mine[0]!.title), mine[0]!.title).toEqual([]);
        expect(after.prepare('select is_public from search_docs where id = ?').get(id)).toEqual({ is_public: 1 });
      }
    } finally {
      after.close();
    }
  });
});

