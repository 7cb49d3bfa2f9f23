import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { visibleClause } from '../../db/visibility';
import { articlePath, HOME_PATH } from '../../lib/routes';
import { registerSearchFunctions } from '../../lib/search/sql-functions';

/** The throwaway database the e2e server runs on (scripts/e2e-server.ts records its path). */
export function e2eDatabasePath(): string {
  const port = process.env.E2E_PORT || '3200';
  const info = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `portal-e2e-${port}.json`), 'utf8')) as { databasePath: string };
  return info.databasePath;
}

/** A read-only connection to the e2e database, for checking what the server stored. */
export function openE2eDatabase(): Database.Database {
  return new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
}

/** One row of a read against the e2e database (opened read-only for just this read). */
export function e2eRow<T>(sql: string, ...params: unknown[]): T {
  const db = openE2eDatabase();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** The URL of the newest article readers can see in the e2e database. */
export function latestArticlePath(): string {
  const db = openE2eDatabase();
  try {
    const row = db
      .prepare(
        `select a.id, s.slug from articles a join sections s on s.id = a.section_id
         where ${visibleClause('a')} and a.external_url is null order by a.published_at desc limit 1`,
      )
      .get({ now: Date.now() }) as { id: number; slug: string };
    return articlePath(row.slug, row.id);
  } finally {
    db.close();
  }
}

/**
 * Writes to the e2e database as the newsroom's own code would (the search triggers' functions
 * registered), then logs a whole-site refresh in the shared invalidation log, the way another
 * portal process reports its writes: the server follows the log every 2 s and marks its cached
 * pages stale, so specs see the change without waiting for ISR. Poll the page after this.
 */
export function writeE2eDatabase<T>(write: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabasePath(), { fileMustExist: true });
  registerSearchFunctions(db);
  try {
    const result = db.transaction(() => write(db))();
    db.prepare(`insert into cache_invalidations (at, origin, pages, layouts) values (?, 'e2e-spec', '[]', ?)`).run(
      Date.now(),
      JSON.stringify([HOME_PATH]),
    );
    return result;
  } finally {
    db.close();
  }
}
