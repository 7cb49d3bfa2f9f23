import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, migrateDatabase, MIGRATIONS_FOLDER, openDatabase } from '@/db/client';
import { authSecret, authSecretPath } from '@/lib/auth/secret';
import { backupDatabase } from '@/lib/backup/portal-db';
import { useTestDatabase } from './helpers/test-db';

/**
 * Without NEXTAUTH_SECRET the generated session secret lives in a private file under DATA_DIR,
 * never in the database, so a `db:backup` copy cannot be used to mint an admin session.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-secret-'));
const env = process.env as Record<string, string | undefined>;
let file: string;
let cleanup: () => void;

beforeAll(() => {
  delete env.NEXTAUTH_SECRET;
  env.DATA_DIR = path.join(dir, 'data');
  ({ file, cleanup } = useTestDatabase({ articles: 20 }));
});
afterAll(() => {
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the generated auth secret', () => {
  it('is kept in DATA_DIR/auth-secret, readable by the owner only, and stable across processes', async () => {
    const secret = authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(authSecretPath()).toBe(path.join(dir, 'data', 'auth-secret'));
    expect(fs.readFileSync(authSecretPath(), 'utf8').trim()).toBe(secret);
    expect(fs.statSync(authSecretPath()).mode & 0o777).toBe(0o600);
    // No stray temporary file left beside it.
    expect(fs.readdirSync(path.join(dir, 'data')).filter((f) => f.startsWith('auth-secret'))).toEqual(['auth-secret']);
    // Another process (a fresh module, no cache) reads the same value instead of making a new one.
    vi.resetModules();
    const fresh = await import('@/lib/auth/secret');
    expect(fresh.authSecret()).toBe(secret);
  });

  it('is not in a backup made by db:backup', () => {
    const secret = authSecret();
    const dest = path.join(dir, 'backup.db');
    backupDatabase(file, dest);
    const bytes = fs.readFileSync(dest);
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    const copy = new Database(dest, { readonly: true });
    expect(copy.prepare("select count(*) as n from site_meta where key like '%secret%'").get()).toEqual({ n: 0 });
    copy.close();
  });

  it('an old database loses its stored secret, both on migration and in a backup taken before it', () => {
    const legacy = 'legacy-secret-from-site-meta-0123456789abcdef';
    // A database migrated up to just before the secret left site_meta, holding one.
    const partialFolder = path.join(dir, 'migrations-before');
    fs.cpSync(MIGRATIONS_FOLDER, partialFolder, { recursive: true });
    const journalFile = path.join(partialFolder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
    const cut = journal.entries.findIndex((e) => e.tag.endsWith('forget_stored_auth_secret'));
    expect(cut).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, cut);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const oldFile = path.join(dir, 'old.db');
    const old = openDatabase(oldFile);
    migrate(old, { migrationsFolder: partialFolder });
    expect(old.$client.prepare("select 1 from sqlite_master where name = 'revoked_sessions'").get()).toBeDefined();
    old.$client.prepare('insert into site_meta (key, value) values (?, ?)').run('nextauth_secret', legacy);
    old.$client.close();

    // A backup taken straight from it (no portal process has migrated it yet) drops the row.
    const fromOld = path.join(dir, 'from-old.db');
    backupDatabase(oldFile, fromOld);
    expect(fs.readFileSync(fromOld).includes(Buffer.from(legacy))).toBe(false);

    // Opening it with the current code deletes the row, and overwrites its bytes.
    const reopened = openDatabase(oldFile);
    migrateDatabase(reopened);
    expect(reopened.$client.prepare("select * from site_meta where key = 'nextauth_secret'").get()).toBeUndefined();
    reopened.$client.pragma('wal_checkpoint(TRUNCATE)');
    reopened.$client.close();
    expect(fs.readFileSync(oldFile).includes(Buffer.from(legacy))).toBe(false);
    expect(getDb().$client.prepare("select * from site_meta where key = 'nextauth_secret'").get()).toBeUndefined();
  });

  it('refuses to run in production when there is neither NEXTAUTH_SECRET nor a writable data folder', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const saved = { DATA_DIR: env.DATA_DIR, NODE_ENV: env.NODE_ENV };
    try {
      env.DATA_DIR = path.join(blocker, 'data');
      env.NODE_ENV = 'production';
      expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
      // NEXTAUTH_SECRET set: nothing needs writing.
      env.NEXTAUTH_SECRET = 'x'.repeat(44);
      expect(authSecret()).toBe('x'.repeat(44));
    } finally {
      delete env.NEXTAUTH_SECRET;
      Object.assign(env, saved);
    }
  });
});
