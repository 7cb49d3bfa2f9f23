import type Database from 'better-sqlite3';
import { htmlToText } from '@/lib/html';
import { indexText, indexTitle } from './tokenize';

/** Connections inside bulkIndexArticles: their article inserts are indexed in one statement at the end. */
const deferring = new WeakSet<Database.Database>();

/**
 * SQL functions the search triggers (db/migrations/0001_search_index.sql) call, so the index is
 * written in the same transaction as every insert, update and delete of an article, whoever
 * writes: the seed, the admin workflow, a script or raw SQL on a connection from db/client.ts.
 * A connection without them (drizzle-kit studio, the sqlite3 shell) cannot change article text:
 * the trigger fails with "no such function" and the write is rolled back, so the index is never
 * silently out of step.
 */
export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('portal_search_title', { deterministic: true }, (title: unknown) =>
    indexTitle(typeof title === 'string' ? title : ''),
  );
  sqlite.function(
    'portal_search_body',
    { deterministic: true },
    (title: unknown, subtitle: unknown, summary: unknown, body: unknown) => {
      const parts = [title, subtitle, summary].filter((p): p is string => typeof p === 'string' && p !== '');
      if (typeof body === 'string' && body !== '') parts.push(htmlToText(body));
      return parts.map(indexText).join(' ');
    },
  );
  sqlite.function('portal_search_deferred', () => (deferring.has(sqlite) ? 1 : 0));
}

/**
 * Runs `insertArticles` (inserts only) in one transaction and indexes the new rows with one
 * INSERT … SELECT per table before it commits. Same result and atomicity as the per-row trigger,
 * but an FTS5 write from a trigger runs inside a statement savepoint, which makes FTS5 flush a
 * one-row segment every time (~0.5 ms a row): 100,000 seeded articles took minutes, this takes seconds.
 */
export function bulkIndexArticles<T>(sqlite: Database.Database, insertArticles: () => T): T {
  return sqlite.transaction(() => {
    const before = (sqlite.prepare('select coalesce(max(id), 0) as id from articles').get() as { id: number }).id;
    deferring.add(sqlite);
    let result: T;
    try {
      result = insertArticles();
    } finally {
      deferring.delete(sqlite);
    }
    // Rows the trigger did index anyway (none unless the callback updated them) are skipped.
    const fresh = `from articles where id > ${Number(before)} and id not in (select id from search_docs)`;
    sqlite.exec(`insert into search_fts (rowid, body) select id, portal_search_body(title, subtitle, summary, body) ${fresh}`);
    sqlite.exec(`insert into search_title_fts (rowid, title) select id, portal_search_title(title) ${fresh}`);
    sqlite.exec(`insert into search_docs (id, is_public, published_at, section_id, unpublish_at) select id, is_public, published_at, section_id, unpublish_at ${fresh}`);
    return result;
  })();
}

/** Rebuilds the whole index from the articles table (what the migration does for existing rows). */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    // 'delete-all' empties a contentless FTS5 table at once instead of row by row.
    sqlite.exec(`insert into search_fts (search_fts) values ('delete-all')`);
    sqlite.exec(`insert into search_title_fts (search_title_fts) values ('delete-all')`);
    sqlite.exec('delete from search_docs');
    sqlite.exec('insert into search_fts (rowid, body) select id, portal_search_body(title, subtitle, summary, body) from articles');
    sqlite.exec('insert into search_title_fts (rowid, title) select id, portal_search_title(title) from articles');
    sqlite.exec('insert into search_docs (id, is_public, published_at, section_id, unpublish_at) select id, is_public, published_at, section_id, unpublish_at from articles');
  })();
}
