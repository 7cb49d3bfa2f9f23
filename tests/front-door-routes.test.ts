import { afterAll, describe, expect, it } from 'vitest';
import { articleRoute } from '@/db/queries/article-route';
import { visibleClause } from '@/db/visibility';
import { frontDoorDecision } from '@/lib/http/front-door';
import { NOT_FOUND_PAGE, type HttpAnswer } from '@/lib/http/front-door-types';
import { articlePath, hotPageRoute, sectionPageRoute, sectionPath } from '@/lib/routes';
import { useTestDatabase } from './helpers/test-db';

/**
 * The front door reads URLs through lib/routes.ts's matchers. These are the edges where a
 * matcher and the old hand-written regexes could part ways: percent-encoded and undecodable
 * slugs, sub-route names in the id position, and internal page routes typed by hand. Each
 * answer is what a reader or crawler gets, so a change here is a change they would see.
 */
const NOW = new Date();
const { db, cleanup } = useTestDatabase({ articles: 2000, now: NOW });
afterAll(cleanup);

function visibleArticleIn(slug: string): number {
  const row = db.$client
    .prepare(
      `select a.id from articles a join sections s on s.id = a.section_id
       where s.slug = ? and ${visibleClause('a')} order by a.id limit 1`,
    )
    .get(slug, { now: NOW.getTime() }) as { id: number } | undefined;
  if (!row) throw new Error(`no published article in ${slug}`);
  return row.id;
}

describe('the front door on the route table', () => {
  it('rewrites a list page asked for with a percent-encoded slug to the plain internal route', () => {
    // `%6C` is "l": the section exists, so page 2 is served from its cached route, under the
    // plain slug, so a differently spelled URL cannot add a second cache entry for the same page.
    expect(frontDoorDecision('/news/%6Congquan?page=2')).toEqual({ kind: 'rewrite', url: sectionPageRoute('longquan', 2) });
    expect(frontDoorDecision(sectionPath('longquan', 2))).toEqual({ kind: 'rewrite', url: sectionPageRoute('longquan', 2) });
  });

  it('answers undecodable slugs with the 404 page wherever they stand', () => {
    for (const url of ['/news/%ff', '/news/%ff?page=2', '/news/%ff/1', '/news/%ff/-1', '/news/%ff/page/2', '/news/%ff/rss.xml']) {
      expect(frontDoorDecision(url), url).toEqual(NOT_FOUND_PAGE);
    }
    expect(frontDoorDecision('/api/views/%ff')).toMatchObject({ kind: 'answer', status: 400 });
  });

  it('moves an article asked for under a percent-encoded wrong slug to its canonical URL', () => {
    const id = visibleArticleIn('longquan');
    expect(articleRoute(id)?.sectionSlug).toBe('longquan');
    expect(frontDoorDecision(`/news/%6Congquan/${id}`)).toBeUndefined();
    const moved = frontDoorDecision(`/news/%64omestic/${id}?from=wx`) as HttpAnswer;
    expect(moved.status).toBe(301);
    expect(moved.headers.Location).toBe(`${articlePath('longquan', id)}?from=wx`);
  });

  it('refuses ids that cannot be articles and lets the section sub-routes through', () => {
    for (const id of ['0', '01', '1234567890123456', 'x', '1.5']) {
      expect(frontDoorDecision(`/news/longquan/${id}`), id).toEqual(NOT_FOUND_PAGE);
    }
    expect(frontDoorDecision('/news/longquan/rss.xml')).toBeUndefined();
  });

  it('holds the internal page routes to the same checks when typed by hand', () => {
    expect(frontDoorDecision(sectionPageRoute('longquan', 2))).toBeUndefined();
    expect(frontDoorDecision(hotPageRoute(2))).toBeUndefined();
    for (const url of ['/news/longquan/page', '/news/longquan/page/', '/news/no-such-section/page/2', '/hot/page/', '/hot/page/01']) {
      expect(frontDoorDecision(url), url).toEqual(NOT_FOUND_PAGE);
    }
  });
});

describe('absolute-form request targets', () => {
  it('are handed to Next as their path, never with the host from the request line', () => {
    // Next answered `GET http://evil.example/ HTTP/1.1` with a 308 to http://evil.example/.
    expect(frontDoorDecision('http://evil.example/')).toEqual({ kind: 'rewrite', url: '/' });
    expect(frontDoorDecision('HTTP://evil.example')).toEqual({ kind: 'rewrite', url: '/' });
    expect(frontDoorDecision('http://evil.example?x=1')).toEqual({ kind: 'rewrite', url: '/?x=1' });
    expect(frontDoorDecision('https://evil.example/search?q=a')).toEqual({ kind: 'rewrite', url: '/search?q=a' });
    expect(frontDoorDecision('http://evil.example//evil.example/')).toEqual({ kind: 'rewrite', url: '//evil.example/' });
  });

  it('get the same answers as their path', () => {
    expect(frontDoorDecision('http://evil.example/news/longquan?page=2')).toEqual(frontDoorDecision('/news/longquan?page=2'));
    expect(frontDoorDecision('http://evil.example/news/longquan/-1')).toEqual(NOT_FOUND_PAGE);
    expect(frontDoorDecision('http://evil.example/api/views/%ff')).toMatchObject({ kind: 'answer', status: 400 });
  });

  it('leave other forms to Next', () => {
    for (const target of ['*', 'evil.example:443', 'javascript:alert(1)', '\\\\evil.example']) expect(frontDoorDecision(target), target).toBeUndefined();
  });
});
