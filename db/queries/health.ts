import fs from 'node:fs';
import path from 'node:path';
import { getDb, MIGRATIONS_FOLDER } from '../client';

export type DatabaseHealth = { ok: boolean; database: 'ok' | 'error'; migrations: 'current' | 'pending' | 'unknown'; detail?: string };

/** Whether the database answers a query and has applied every migration shipped with the code. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  try {
    const sqlite = getDb().$client;
    sqlite.prepare('select 1').get();
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const applied = (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    const current = applied >= journal.entries.length;
    return { ok: current, database: 'ok', migrations: current ? 'current' : 'pending' };
  } catch (error) {
    console.error('health check failed', error);
    return { ok: false, database: 'error', migrations: 'unknown' };
  }
}
