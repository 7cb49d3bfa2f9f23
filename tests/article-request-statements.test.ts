import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { latestArticles } from '@/db/queries/articles';
import SiteLayout from '@/app/(site)/layout';
import ArticlePage, { generateMetadata } from '@/app/(site)/news/[slug]/[id]/page';
import { useTestDatabase } from './helpers/test-db';
import { inRequest } from './helpers/request-scope';

// Next memoises cache()'d reads per request on the server; see tests/helpers/request-scope.ts.
vi.mock('react', async (importOriginal) => {
  const { requestCache } = await import('./helpers/request-scope');
  return { ...(await importOriginal<typeof import('react')>()), cache: requestCache };
});

/**
 * One reader opening an article (an ISR cache miss): the statements the article page, its
 * metadata and the site layout run, counted on the connection. The article row is read once
 * and the sections table at most once, however many parts of the page need them.
 */
const { db, cleanup } = useTestDatabase({ articles: 120 });
afterAll(() => cleanup());

function recordExecutions(sqlite: Database.Database): { sources: string[]; stop: () => void } {
  const sources: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate', 'values'] as const) {
      if (typeof statement[method as keyof typeof statement] !== 'function') continue;
      const run = (statement[method as 'all'] as (...args: unknown[]) => unknown).bind(statement);
      Object.defineProperty(statement, method, { value: (...args: unknown[]) => (sources.push(source), run(...args)) });
    }
    return statement;
  }) as Database.Database['prepare'];
  return { sources, stop: () => void (sqlite.prepare = prepare) };
}

describe('an article page request', () => {
  it('reads the article row once and the sections table at most once', async () => {
    const [item] = await latestArticles(1);
    if (!item) throw new Error('the seed has no visible article');
    const params = Promise.resolve({ slug: item.sectionSlug, id: String(item.id) });

    const log = recordExecutions(db.$client);
    try {
      // As Next renders it: the metadata, the layout around the page, the page.
      await inRequest(() => Promise.all([generateMetadata({ params }), SiteLayout({ children: null }), ArticlePage({ params })]));
    } finally {
      log.stop();
    }

    const articleRow = log.sources.filter((s) => /\bfrom "articles"/i.test(s) && /"articles"\."id" = \?/.test(s));
    const sectionsTable = log.sources.filter((s) => /\bfrom "?sections"?(\s|$)/i.test(s));
    expect(log.sources.length).toBeGreaterThan(3);
    expect(articleRow, log.sources.join('\n')).toHaveLength(1);
    expect(sectionsTable.length, sectionsTable.join('\n')).toBeLessThanOrEqual(1);
  });
});
