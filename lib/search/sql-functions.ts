import type Database from 'better-sqlite3';
import { htmlToText } from '@/lib/html';
import { indexText, indexTitle } from './tokenize';

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
}
