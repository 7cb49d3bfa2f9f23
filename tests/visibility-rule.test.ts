import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isViewableArticle } from '@/db/queries/hot';
import { articles, type ArticleStatus } from '@/db/schema';
import { hiddenIds, isVisibleToReaders, visibleAt, visibleClause } from '@/db/visibility';
import { useTestDatabase } from './helpers/test-db';

/**
 * db/visibility.ts derives "readers may see this article" several ways from one definition:
 * the Drizzle condition every page and list uses, the raw clause of prepared statements (the
 * view beacon's isViewableArticle, the search index over `search_docs`), the TypeScript check,
 * and the complement the search total subtracts. Each case below is an article of one kind;
 * every derivation must give the answer the table states, so a change to one of them alone fails.
 */
const { db, cleanup } = useTestDatabase({ articles: 0 });
afterAll(() => cleanup());

const NOW = Date.parse('2025-06-01T12:00:00+08:00');
const HOUR = 3_600_000;

type Case = { name: string; status: ArticleStatus; publishedAt: number | null; unpublishAt?: number; visible: boolean };
const CASES: Case[] = [
  { name: 'published, time passed', status: 'published', publishedAt: NOW - HOUR, visible: true },
  { name: 'published at this very moment', status: 'published', publishedAt: NOW, visible: true },
  { name: 'published, time not yet come', status: 'published', publishedAt: NOW + HOUR, visible: false },
  { name: 'scheduled, time passed (the scheduler has not run yet)', status: 'scheduled', publishedAt: NOW - HOUR, visible: true },
  { name: 'scheduled for later', status: 'scheduled', publishedAt: NOW + HOUR, visible: false },
  { name: 'draft with a past time', status: 'draft', publishedAt: NOW - HOUR, visible: false },
  { name: 'in review with a past time', status: 'in_review', publishedAt: NOW - HOUR, visible: false },
  { name: 'withdrawn', status: 'withdrawn', publishedAt: NOW - HOUR, visible: false },
  { name: 'published without a time', status: 'published', publishedAt: null, visible: false },
  { name: 'draft without a time', status: 'draft', publishedAt: null, visible: false },
  { name: 'published, taken down an hour ago (定时下线)', status: 'published', publishedAt: NOW - 2 * HOUR, unpublishAt: NOW - HOUR, visible: false },
  { name: 'published, taken down at this very moment', status: 'published', publishedAt: NOW - HOUR, unpublishAt: NOW, visible: false },
  { name: 'published, to be taken down later', status: 'published', publishedAt: NOW - HOUR, unpublishAt: NOW + HOUR, visible: true },
  { name: 'scheduled for later, taken down even later', status: 'scheduled', publishedAt: NOW + HOUR, unpublishAt: NOW + 2 * HOUR, visible: false },
  { name: 'not yet due and with a take-down time already passed', status: 'published', publishedAt: NOW + HOUR, unpublishAt: NOW - HOUR, visible: false },
];

function insert(c: Case): number {
  const section = db.$client.prepare('select id from sections order by id limit 1').pluck().get() as number;
  const info = db.$client
    .prepare(`insert into articles (section_id, title, summary, body, status, published_at, unpublish_at, created_at, updated_at) values (?, ?, '', '', ?, ?, ?, ?, ?)`)
    .run(section, c.name, c.status, c.publishedAt, c.unpublishAt ?? null, NOW - 3 * HOUR, NOW - 3 * HOUR);
  return Number(info.lastInsertRowid);
}

const rows = CASES.map((c) => ({ ...c, id: insert(c) }));
const unknownId = Math.max(...rows.map((r) => r.id)) + 1000;

async function drizzleSees(id: number): Promise<boolean> {
  const found = await db.select({ id: articles.id }).from(articles).where(and(eq(articles.id, id), visibleAt(NOW)));
  return found.length === 1;
}

function searchIndexSees(id: number): boolean {
  return db.$client.prepare(`select 1 from search_docs d where d.id = ? and ${visibleClause('d')}`).get(id, { now: NOW }) !== undefined;
}

describe('who may read an article, as each derivation of db/visibility.ts sees it', () => {
  it.each(rows)('$name', async (row) => {
    const answers = {
      drizzle: await drizzleSees(row.id),
      rawClause: isViewableArticle(row.id, NOW),
      searchIndex: searchIndexSees(row.id),
      typescript: isVisibleToReaders({ status: row.status, publishedAt: row.publishedAt, unpublishAt: row.unpublishAt ?? null }, NOW),
      typescriptWithDates: isVisibleToReaders(
        { status: row.status, publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt), unpublishAt: row.unpublishAt === undefined ? null : new Date(row.unpublishAt) },
        new Date(NOW),
      ),
    };
    const expected = row.visible;
    expect(answers).toEqual({ drizzle: expected, rawClause: expected, searchIndex: expected, typescript: expected, typescriptWithDates: expected });
  });

  it('an unknown id is visible to no one', async () => {
    expect(await drizzleSees(unknownId)).toBe(false);
    expect(isViewableArticle(unknownId, NOW)).toBe(false);
    expect(searchIndexSees(unknownId)).toBe(false);
  });

  it('the hidden rows are exactly the rest, in the articles table and in the search index', async () => {
    for (const table of ['articles', 'search_docs']) {
      const hidden = (await db.all<{ id: number }>(sql`${hiddenIds(NOW, table)}`)).map((r) => r.id).sort((a, b) => a - b);
      expect(hidden, table).toEqual(rows.filter((r) => !r.visible).map((r) => r.id));
    }
  });
});
