import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

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
