import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjacentArticles, countSectionArticles, getPublicArticle, latestArticles, listSectionArticles } from '@/db/queries/articles';
import { getSiteChrome } from '@/db/queries/chrome';
import { getHomePage } from '@/db/queries/home';
import { countWeeklyHot, isViewableArticle, weeklyHot } from '@/db/queries/hot';
import { getDescendantIds, getSectionBySlug } from '@/db/queries/sections';
import { sectionListPage } from '@/db/queries/section-list';
import { sectionRoute } from '@/db/queries/section-route';
import { useTestDatabase } from './helpers/test-db';
import { recordStatements, type StatementRecorder } from './helpers/record-statements';
import { planNames, scannedTables } from './helpers/query-plan-tables';

/**
 * Every query a reader's request can run, executed against a seeded database while the SQL is
 * recorded; then EXPLAIN QUERY PLAN of each must not contain a full scan of articles or of the
 * daily view counts (which grow by a row per article viewed per day).
 */
const { db, cleanup } = useTestDatabase({ articles: 3000 });
let recorder: StatementRecorder;
let recorded = new Map<string, unknown[]>();
let original: Database.Database['prepare'];

beforeAll(() => {
  db.$client.exec('analyze');
  recorder = recordStatements(db.$client);
  recorded = recorder.recorded;
  original = recorder.prepare;
});
afterAll(() => {
  recorder.stop();
  cleanup();
});

const WATCHED = new Set(['articles', 'article_views_daily']);

async function publicQueries(): Promise<void> {
  const section = (await getSectionBySlug('longquan'))!;
  const parent = (await getSectionBySlug('news'))!;
  const ids = await getDescendantIds(parent.id);
  const article = (await listSectionArticles([section.id], 2))[0]!;
  const full = (await getPublicArticle(article.id))!;
  await adjacentArticles(full);
  await latestArticles(20);
  await listSectionArticles(ids, 3);
  await countSectionArticles(ids);
  await weeklyHot(10);
  await weeklyHot(20, 20);
  await countWeeklyHot();
  isViewableArticle(article.id);
  await getSiteChrome();
  await getHomePage();
  // 置顶 and 一稿多发 rows in play, so the pinned reads, the cross-listed merge and the route's
  // pin exclusion all run on rows that exist.
  db.$client.exec(`update articles set pinned = 1 where id in (select id from articles order by id limit 2);
    insert or ignore into article_sections (article_id, section_id) select id, ${section.id} from articles order by id desc limit 3;`);
  await sectionListPage(ids, 1);
  await sectionListPage([section.id], 2);
  await getHomePage();
  sectionRoute('longquan', 2);
  sectionRoute('news', 3);
  sectionRoute('no-such-section', 2);
  sectionRoute('news');
}

describe('public queries', () => {
  it('never scan the whole articles table', async () => {
    await publicQueries();
    const touchingArticles = [...recorded.keys()].filter((s) => /\b(articles|article_views_daily)\b/.test(s) && !/^\s*(insert|update|delete)/i.test(s));
    expect(touchingArticles.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const source of touchingArticles) {
      const plan = original(`explain query plan ${source}`).all(...(recorded.get(source) ?? [])) as Array<{ detail: string }>;
      // `SCAN a` for `from articles a`: plan lines name aliases, so resolve them to their tables.
      const scans = scannedTables(source, plan.map((row) => row.detail)).filter((table) => WATCHED.has(table));
      if (scans.length > 0) offenders.push(`${source}\n  ${plan.map((p) => p.detail).join('\n  ')}`);
    }
    if (process.env.SHOW_PLANS) for (const s of touchingArticles) console.log(s, original(`explain query plan ${s}`).all(...(recorded.get(s) ?? [])));
    expect(offenders).toEqual([]);
  });
});

describe('reading a plan line back to its table', () => {
  it('maps aliases from FROM and JOIN (bare, quoted, with AS, in comma lists and subqueries) to their tables', () => {
    const sql = `select a.id, (select sum(v.count) from "article_views_daily" as "v" where v.article_id = a.id) as n
      from articles a join sections s on s.id = a.section_id, users where a.id in (select id from articles where status = 'from x')`;
    const names = planNames(sql);
    expect(names.get('a')).toEqual(new Set(['articles']));
    expect(names.get('v')).toEqual(new Set(['article_views_daily']));
    expect(names.get('s')).toEqual(new Set(['sections']));
    expect(names.get('users')).toEqual(new Set(['users']));
    expect(names.get('articles')).toEqual(new Set(['articles']));
    expect(names.has('x')).toBe(false); // text inside a string literal is not a table
    expect(scannedTables(sql, ['SCAN a', 'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)', 'CORRELATED SCALAR SUBQUERY 1', 'SCAN v USING INDEX x'])).toEqual([
      'articles',
      'article_views_daily',
    ]);
  });

  it('finds a full scan of articles hidden behind an alias in a real plan', () => {
    const sql = 'select a.id from articles a join sections s on s.id = a.section_id where a.summary = ?';
    const plan = (original(`explain query plan ${sql}`).all('x') as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan).toContain('SCAN a');
    expect(scannedTables(sql, plan)).toContain('articles');
  });
});

describe('sectionRoute', () => {
  it('knows which pages of a section list exist, counting what readers can see below it', async () => {
    const news = (await getSectionBySlug('news'))!;
    const ids = await getDescendantIds(news.id);
    const { countSectionArticles, PAGE_SIZE } = await import('@/db/queries/articles');
    const lastPage = Math.ceil((await countSectionArticles(ids)) / PAGE_SIZE);
    expect(lastPage).toBeGreaterThan(1);
    expect(sectionRoute('news', 1)).toEqual({ exists: true, hasPage: true });
    expect(sectionRoute('news', lastPage)).toEqual({ exists: true, hasPage: true });
    expect(sectionRoute('news', lastPage + 1)).toEqual({ exists: true, hasPage: false });
    expect(sectionRoute('no-such-section', 1)).toEqual({ exists: false, hasPage: false });
    expect(sectionRoute('no-such-section', 2)).toEqual({ exists: false, hasPage: false });
  });
});
