import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { visibleClause } from '../../db/visibility';
import { articlePath } from '../../lib/routes';

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

/** The URL of the newest article readers can see in the e2e database. */
export function latestArticlePath(): string {
  const db = openE2eDatabase();
  try {
    const row = db
      .prepare(
        `select a.id, s.slug from articles a join sections s on s.id = a.section_id
         where ${visibleClause('a')} order by a.published_at desc limit 1`,
      )
      .get({ now: Date.now() }) as { id: number; slug: string };
    return articlePath(row.slug, row.id);
  } finally {
    db.close();
  }
}
