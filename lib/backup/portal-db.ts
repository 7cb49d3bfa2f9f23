import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Online backup and safe restore of the portal's SQLite file.
 *
 * Backup uses `VACUUM INTO`: one read transaction, so it is a consistent snapshot of the
 * database as of its start while the site keeps serving and writing (WAL: readers never block
 * the writer), and unlike the page-by-page backup API it never restarts when another process
 * writes meanwhile. The copy is written beside the target and renamed into place only after
 * `PRAGMA integrity_check` passes, so a half-written file never carries the backup's name.
 *
 * What a backup holds: the database only. The session signing secret is not in it (it lives in
 * DATA_DIR/auth-secret or NEXTAUTH_SECRET, see lib/auth/secret.ts), nor are uploaded images.
 *
 * Restore refuses while any other process has the database open (see databaseInUse), checks
 * that the file is an intact portal database, then copies it in with SQLite's backup API,
 * which writes through the target's own journal: a crash mid-restore leaves the old database.
 */

export type PortalDatabaseSummary = { articles: number; sections: number; users: number; migrations: number };

/** Throws unless `file` is an intact SQLite database holding the portal's tables. */
export function validatePortalDatabase(file: string): PortalDatabaseSummary {
  if (!fs.existsSync(file)) throw new Error(`${file}: 文件不存在`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file}: 不是 SQLite 数据库 (${(error as Error).message})`);
  }
  try {
    const check = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (check.length !== 1 || check[0]!.integrity_check !== 'ok') {
      throw new Error(`${file}: integrity_check 未通过: ${check.map((r) => r.integrity_check).slice(0, 5).join('; ')}`);
    }
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
    );
    for (const required of ['articles', 'sections', 'users', 'article_views_daily', '__drizzle_migrations']) {
      if (!tables.has(required)) throw new Error(`${file}: 不是本站的数据库(缺少表 ${required})`);
    }
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      articles: n('select count(*) as n from articles'),
      sections: n('select count(*) as n from sections'),
      users: n('select count(*) as n from users'),
      migrations: n('select count(*) as n from __drizzle_migrations'),
    };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(file)) throw error;
    throw new Error(`${file}: 无法读取 (${(error as Error).message})`);
  } finally {
    db.close();
  }
}

/** A consistent copy of the live database `source` at `dest` (which must not exist yet). */
export function backupDatabase(source: string, dest: string): PortalDatabaseSummary {
  if (!fs.existsSync(source)) throw new Error(`${source}: 数据库不存在`);
  if (fs.existsSync(dest)) throw new Error(`${dest}: 已存在,不覆盖`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const partial = `${dest}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('vacuum into ?').run(partial);
  } finally {
    db.close();
  }
  try {
    dropLegacySecret(partial);
    const summary = validatePortalDatabase(partial);
    fs.renameSync(partial, dest);
    return summary;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Older portals kept the generated session secret in site_meta; migration 0004 deletes it, but a
 * backup may be taken from a database no new process has opened yet. The copy must never carry
 * it (whoever holds the secret can mint an admin session): delete it there too, with
 * secure_delete so its bytes are overwritten rather than left in a free page.
 */
const LEGACY_SECRET_KEY = 'nextauth_secret';
function dropLegacySecret(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const hasMeta = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'site_meta'").get();
    if (!hasMeta) return;
    db.pragma('secure_delete = ON');
    db.prepare('delete from site_meta where key = ?').run(LEGACY_SECRET_KEY);
  } finally {
    db.close();
  }
}

/**
 * Whether another process has `file` open. Every connection to a WAL database keeps a shared
 * lock on it while open, even when idle, so an exclusive lock can only be taken when nobody
 * else is connected: a running portal server (which holds its connection for its lifetime),
 * a migration or a CLI. This needs no pid file and also catches servers started by hand.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Replaces the database at `target` with the backup `from`; refuses while `target` is in use. */
export async function restoreDatabase(from: string, target: string): Promise<PortalDatabaseSummary> {
  const summary = validatePortalDatabase(from);
  if (databaseInUse(target)) {
    throw new Error(`${target} 正在被其他进程(运行中的网站服务器?)使用:请先停止服务器再恢复。`);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const restored = validatePortalDatabase(target);
  if (restored.articles !== summary.articles || restored.migrations !== summary.migrations) {
    throw new Error(`${target}: 恢复后的内容与备份不一致`);
  }
  return restored;
}
