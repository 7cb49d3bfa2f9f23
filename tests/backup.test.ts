import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { backupDatabase, databaseInUse, restoreDatabase, validatePortalDatabase } from '@/lib/backup/portal-db';
import { useTestDatabase } from './helpers/test-db';

/**
 * `npm run db:backup` / `db:restore`: a backup taken while another process writes is a
 * consistent snapshot (an intact database holding a gap-free prefix of the writer's rows),
 * restore refuses a live database and non-portal files, and a restored database reads back
 * exactly what the backup holds.
 */
const { file, cleanup } = useTestDatabase({ articles: 400 });
// The seeded rows (the corpus plus the demo's extra entries); the writer below adds none.
const seededArticles = (() => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
})();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
afterAll(() => {
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const worker = path.join(import.meta.dirname, 'helpers', 'durability-worker.ts');
const writerIds = (db: Database.Database) =>
  (db.prepare("select id from audit_log where action = 'durability' order by id").all() as Array<{ id: number }>).map((r) => r.id);
const fingerprint = (f: string) => {
  const db = new Database(f, { readonly: true });
  try {
    return {
      articles: db.prepare('select id, title, body, status, version from articles order by id').all(),
      views: db.prepare('select * from article_views_daily order by day, article_id').all(),
      audit: writerIds(db),
    };
  } finally {
    db.close();
  }
};

describe('db:backup while a writer runs, then db:restore', () => {
  const backup = path.join(dir, 'portal-backup.db');

  it('backs up a consistent snapshot during writes', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, 'audit', '1000000'], {
      env: { ...process.env, DATABASE_PATH: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acks = 0;
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop()!;
      acks += lines.filter((l) => l.startsWith('ack ')).length;
    });
    // 'close' comes after the last stdout data, unlike 'exit'.
    const exited = new Promise((r) => child.on('close', r));
    while (acks < 200) await new Promise((r) => setTimeout(r, 20));
    const ackedBefore = acks;
    const summary = backupDatabase(file, backup);
    child.kill('SIGTERM');
    await exited;
    // Everything the writer acknowledged, including lines still in the pipe while the
    // (synchronous) backup ran.
    const ackedAtExit = acks;

    expect(summary.articles).toBe(seededArticles);
    const copy = new Database(backup, { readonly: true });
    const ids = writerIds(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Everything acknowledged before the backup began is in it, nothing the writer never
    // committed (at most one row committed but not yet acknowledged when it was stopped), and
    // no write is half there: the ids are one unbroken run.
    expect(ids.length).toBeGreaterThanOrEqual(ackedBefore);
    expect(ids.length).toBeLessThanOrEqual(ackedAtExit + 1);
    expect(ids.at(-1)! - ids[0]! + 1).toBe(ids.length);
    // The live database went on: it has at least as much as the snapshot.
    expect(writerIds(getDb().$client).length).toBeGreaterThanOrEqual(ids.length);
  });

  it('will not overwrite an existing file', () => {
    expect(() => backupDatabase(file, backup)).toThrow(/已存在/);
  });

  it('refuses to restore over a database another process has open', async () => {
    // Another process holds an idle connection, as a running portal server does.
    closeDb();
    const probe = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.prepare('select 1').get(); console.log('open'); setInterval(() => {}, 1000);`, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((r) => probe.stdout.once('data', r));
    try {
      expect(databaseInUse(file)).toBe(true);
      await expect(restoreDatabase(backup, file)).rejects.toThrow(/正在被其他进程/);
    } finally {
      probe.kill('SIGKILL');
      await new Promise((r) => probe.on('exit', r));
    }
    expect(databaseInUse(file)).toBe(false);
  });

  it('refuses a file that is not an intact portal database', async () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'SQLite format 3\0 but not really'.repeat(200));
    await expect(restoreDatabase(junk, path.join(dir, 'target.db'))).rejects.toThrow();
    const other = path.join(dir, 'other.db');
    new Database(other).exec('create table notes (x)');
    expect(() => validatePortalDatabase(other)).toThrow(/不是本站的数据库/);
    await expect(restoreDatabase(other, path.join(dir, 'target.db'))).rejects.toThrow(/不是本站的数据库/);
  });

  it('restores the backup over the stopped database, and it reads back the same', async () => {
    const expected = fingerprint(backup);
    closeDb(); // "stop the server"
    const live = fingerprint(file);
    expect(live.audit.length).toBeGreaterThanOrEqual(expected.audit.length);
    expect(databaseInUse(file)).toBe(false);
    const restored = await restoreDatabase(backup, file);
    expect(restored.articles).toBe(seededArticles);
    expect(fingerprint(file)).toEqual(expected);
    // The portal opens it as usual afterwards.
    expect((getDb().$client.prepare('select count(*) as n from articles').get() as { n: number }).n).toBe(seededArticles);
  });
});
