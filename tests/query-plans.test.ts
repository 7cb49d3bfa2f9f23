import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjacentArticles, countSectionArticles, getPublicArticle, latestArticles, listSectionArticles } from '@/db/queries/articles';
import { getSiteChrome } from '@/db/queries/chrome';
import { getHomePage } from '@/db/queries/home';
import { countWeeklyHot, isViewableArticle, weeklyHot } from '@/db/queries/hot';
import { getDescendantIds, getSectionBySlug } from '@/db/queries/sections';
import { sectionRoute } from '@/db/queries/section-route';
import { useTestDatabase } from './helpers/test-db';
import { recordStatements, type StatementRecorder } from './helpers/record-statements';

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
      const scans = plan.filter((row) => /^SCAN (articles|article_views_daily)\b/.test(row.detail));
      if (scans.length > 0) offenders.push(`${source}\n  ${plan.map((p) => p.detail).join('\n  ')}`);
    }
    if (process.env.SHOW_PLANS) for (const s of touchingArticles) console.log(s, original(`explain query plan ${s}`).all(...(recorded.get(s) ?? [])));
    expect(offenders).toEqual([]);
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
