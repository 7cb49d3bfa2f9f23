import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { registerSearchFunctions } from '../lib/search/sql-functions';
import { processSingleton } from '../lib/process-registry';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || 'data/portal.db');
}

/**
 * Opens a connection with the settings every process of the portal must share.
 * - WAL: readers never block the writer, so pages keep serving while staff publish and
 *   several portal processes (server.ts) can share one file.
 * - busy_timeout: a writer waits for another process's write instead of failing with
 *   SQLITE_BUSY; writes here are short, so 5 s is never reached in practice.
 * - synchronous=NORMAL: in WAL mode a committed transaction survives a crash of the
 *   process (SIGKILL, OOM); only a power loss or kernel crash can drop the last few
 *   commits. FULL would fsync every commit for protection the host's storage layer
 *   already gives us, at several times the write latency.
 * - foreign_keys: SQLite leaves them off unless asked, per connection.
 */
export function openDatabase(file = databasePath()): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as DB;
  // Transactions default to BEGIN IMMEDIATE: ours re-read a row and then write it. A deferred
  // transaction starts as a reader, and if another process commits before its first write
  // the upgrade fails at once with SQLITE_BUSY_SNAPSHOT (busy_timeout cannot help, the
  // snapshot is stale). Taking the write lock up front makes such a writer wait its turn
  // instead (tests/durability.test.ts). Pass { behavior: 'deferred' } for a read-only one.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
  for (const hook of connectionHooks) hook(sqlite);
  return db;
}

/**
 * Functions other modules register on every new connection (for example SQL functions
 * that triggers call). Registered at import time, before the first `getDb()`.
 */
const connectionHooks: Array<(sqlite: Database.Database) => void> = [];
export function onConnection(hook: (sqlite: Database.Database) => void): void {
  connectionHooks.push(hook);
  const existing = connection().db;
  if (existing) hook(existing.$client);
}
// The search index triggers call these; every connection (server, seed, scripts, tests) needs them.
onConnection(registerSearchFunctions);

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Applies every committed migration this database has not seen yet (drizzle's journal decides). */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

type ConnectionState = { db?: DB; exitHookInstalled: boolean; closeHooks: Array<() => void> };

/**
 * The connection and its shutdown hooks, once per process (lib/process-registry.ts): server.ts and
 * Next's route bundles each load this module, and they must share one connection, and the
 * process exits once.
 */
function connection(): ConnectionState {
  return processSingleton<ConnectionState>('db-connection', () => ({ exitHookInstalled: false, closeHooks: [] }));
}

/** The one connection of this process. */
export function getDb(): DB {
  const state = connection();
  if (!state.db) {
    const db = openDatabase();
    // A process never reads a database older than its code: apply any pending migration.
    migrateDatabase(db);
    // Without statistics SQLite guesses, and with 100,000 articles some guesses are 50x slower
    // (周热点 walked every public article instead of 7 days of view counts). At open, analyze
    // the tables that lack or have stale statistics, sampling at most 400 rows per index so it
    // stays ~100 ms even on a large file; later opens find current statistics and do nothing.
    db.$client.pragma('analysis_limit = 400');
    db.$client.pragma('optimize = 0x10002');
    state.db = db;
    // On the way out (after server.ts has stopped accepting and calls process.exit), give
    // writers their last word, then close so the WAL is checkpointed.
    if (!state.exitHookInstalled) {
      state.exitHookInstalled = true;
      process.once('exit', () => {
        for (const hook of [...state.closeHooks].reverse()) {
          try {
            hook();
          } catch (error) {
            console.error('shutdown hook failed', error);
          }
        }
        closeDb();
      });
    }
  }
  return state.db;
}

/**
 * A statement prepared once per connection, for the few reads that run on every request or
 * every beacon (the front door's article lookup, the beacon's visibility check), where Drizzle's
 * query building and row mapping cost more than the read. `configure` sets raw or pluck mode.
 * Prepared again if the connection changes (tests reopen it).
 */
export function preparedOnce(source: string, configure: (statement: Database.Statement) => Database.Statement = (s) => s): () => Database.Statement {
  let cached: { client: Database.Database; statement: Database.Statement } | undefined;
  return () => {
    const client = getDb().$client;
    if (cached?.client !== client) cached = { client, statement: configure(client.prepare(source)) };
    return cached.statement;
  };
}

/** Runs (synchronously) when the process exits, before the connection closes: flush buffers here. */
export function beforeDbClose(hook: () => void): void {
  connection().closeHooks.push(hook);
}

export function closeDb(): void {
  const state = connection();
  if (state.db) {
    state.db.$client.close();
    state.db = undefined;
  }
}
