import fs from 'node:fs';
import path from 'node:path';
import { getDb, MIGRATIONS_FOLDER } from '../client';

export type DatabaseHealth = {
  ok: boolean;
  database: 'ok' | 'error';
  migrations: 'current' | 'pending' | 'unknown';
  journalMode?: string;
};

let shipped: number | undefined;
/** The newest migration this build ships (drizzle's journal `when`, which it stores as created_at). */
function newestShippedMigration(): number {
  if (shipped === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: Array<{ when: number }>;
    };
    shipped = Math.max(0, ...journal.entries.map((e) => e.when));
  }
  return shipped;
}

/**
 * For load balancers and monitors: the database answers a query and has applied the newest
 * migration shipped with this build (a process started against a database another process
 * migrated further, or one a migration failed on, reports 503 and leaves the pool).
 * Cheap enough to poll every few seconds: two index reads, no table scan.
 */
export async function databaseHealth(): Promise<DatabaseHealth> {
  try {
    const sqlite = getDb().$client;
    sqlite.prepare('select 1').get();
    const applied = (sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? 0;
    const current = applied >= newestShippedMigration();
    const journalMode = sqlite.pragma('journal_mode', { simple: true }) as string;
    return { ok: current, database: 'ok', migrations: current ? 'current' : 'pending', journalMode };
  } catch (error) {
    // Logged here for the operator; the client only learns that the database is not usable.
    console.error('health check failed', error);
    return { ok: false, database: 'error', migrations: 'unknown' };
  }
}
