import type Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRoute } from '@/db/queries/article-route';
import { sectionFeed, siteFeedItems } from '@/db/queries/feeds';
import { articleSitemapChunks, articleSitemapEntries, newsSitemapEntries, sectionsWithLastPublication } from '@/db/queries/sitemaps';
import { renderRss, rfc822 } from '@/lib/feeds/rss';
import { renderNewsSitemap } from '@/lib/feeds/sitemap';
import { articleUrlDecision } from '@/lib/seo/article-url';
import { frontDoorDecision } from '@/lib/http/front-door';
import { NOT_FOUND_PAGE, type HttpAnswer } from '@/lib/http/front-door-types';
import { describeArticle } from '@/lib/seo/describe';
import { articleMetadata } from '@/lib/seo/metadata';
import { absoluteUrl } from '@/lib/seo/urls';
import { newsArticleJsonLd } from '@/lib/structured-data/news-article';
import { websiteJsonLd } from '@/lib/structured-data/website';
import { serializeJsonLd } from '@/lib/structured-data/serialize';
import { visibleClause } from '@/db/visibility';
import { useTestDatabase } from './helpers/test-db';
import { recordStatements, type StatementRecorder } from './helpers/record-statements';

/**
 * The crawler-facing reads and renderers on a seeded database: sitemap chunking by id range,
 * the two-day news window, feeds, the front door's 301/410 decision, and the query plans of every
 * such read (no full scan of articles).
 */
const NOW = new Date();
const { db, cleanup } = useTestDatabase({ articles: 2000, now: NOW });
const sqlite = db.$client;
let recorder: StatementRecorder;
let recorded = new Map<string, unknown[]>();
let original: Database.Database['prepare'];

const insert = sqlite.prepare(`insert into articles (section_id, title, summary, body, source, byline, status, published_at, created_at, updated_at)
  values ((select id from sections where slug = 'longquan'), @title, '', @body, '原创', '["张三"]', @status, @at, @at, @at)`);
function addArticle(title: string, status: string, at: number, body = '<p>正文</p>'): number {
  return Number(insert.run({ title, status, at, body }).lastInsertRowid);
}

const hour = 3_600_000;
let fresh = 0;
let old = 0;
let withdrawn = 0;
let future = 0;
let draft = 0;

beforeAll(() => {
  fresh = addArticle('刚刚发布 <特稿> & "引号"', 'published', NOW.getTime() - hour, '<p>第一段&amp;内容</p><p>第二段</p>');
  old = addArticle('三天前', 'published', NOW.getTime() - 72 * hour);
  withdrawn = addArticle('已撤稿', 'withdrawn', NOW.getTime() - 2 * hour);
  future = addArticle('定时发布', 'scheduled', NOW.getTime() + 5 * hour);
  draft = addArticle('草稿', 'draft', NOW.getTime() - hour);
  sqlite.exec('analyze');
  recorder = recordStatements(sqlite);
  recorded = recorder.recorded;
  original = recorder.prepare;
});
afterAll(() => {
  recorder.stop();
  cleanup();
});

function visibleIds(): number[] {
  return (
    original(`select id from articles where ${visibleClause()} order by id`).all({ now: NOW.getTime() }) as Array<{ id: number }>
  ).map((r) => r.id);
}

describe('sitemaps', () => {
  it('cuts the article sitemap into id ranges that together list every visible article once', async () => {
    const perFile = 300;
    const chunks = await articleSitemapChunks(NOW, perFile);
    const listed: number[] = [];
    for (const c of chunks) {
      const entries = await articleSitemapEntries(c.chunk, NOW, perFile);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(perFile);
      listed.push(...entries.map((e) => e.id));
    }
    expect(listed).toEqual(visibleIds());
    expect(listed).not.toContain(withdrawn);
    expect(listed).not.toContain(future);
    expect(listed).not.toContain(draft);
    expect(chunks.length).toBe(Math.ceil(Math.max(...listed) / perFile));
  });

  it('lists in the news sitemap only what was published in the last two days, with escaped titles', async () => {
    const entries = await newsSitemapEntries(NOW);
    const ids = entries.map((e) => e.id);
    expect(ids).toContain(fresh);
    expect(ids).not.toContain(old);
    expect(ids).not.toContain(withdrawn);
    expect(ids).not.toContain(future);
    for (const e of entries) expect(NOW.getTime() - e.publishedAt.getTime()).toBeLessThanOrEqual(2 * 24 * hour);

    const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(renderNewsSitemap(entries));
    const mine = (parsed.urlset.url as Array<{ loc: string; 'news:news': { 'news:title': string } }>).find((u) =>
      u.loc.endsWith(`/${fresh}`),
    );
    expect(mine?.['news:news']['news:title']).toBe('刚刚发布 <特稿> & "引号"');
  });

  it('dates each section by its newest article, parents by their children', async () => {
    const sections = await sectionsWithLastPublication(NOW);
    const byslug = new Map(sections.map((s) => [s.slug, s.lastModified?.getTime()]));
    expect(byslug.get('longquan')).toBe(NOW.getTime() - hour);
    expect(byslug.get('news')).toBe(NOW.getTime() - hour);
  });
});

describe('feeds', () => {
  it('renders RSS 2.0 a feed reader parses back to the same titles, links and dates', async () => {
    const items = await siteFeedItems(50, NOW);
    expect(items).toHaveLength(50);
    expect(items[0]!.id).toBe(fresh);
    const feed = await new Parser().parseString(
      renderRss({ title: '测试', path: '/', feedPath: '/rss.xml', description: '描述' }, items, NOW),
    );
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]!.title).toBe('刚刚发布 <特稿> & "引号"');
    expect(feed.items[0]!.content).toBe('第一段&内容 第二段');
    expect(Date.parse(feed.items[0]!.pubDate!)).toBe(Math.floor((NOW.getTime() - hour) / 1000) * 1000);
    const section = await sectionFeed('news', 50, NOW);
    expect(section?.items.map((i) => i.sectionSlug).every((s) => ['news', 'longquan', 'domestic', 'international'].includes(s))).toBe(true);
    expect(await sectionFeed('no-such-section', 50, NOW)).toBeUndefined();
  });

  it('formats pubDate as RFC 822 in the newsroom zone', () => {
    expect(rfc822(new Date('2026-01-05T16:04:05Z'))).toBe('Tue, 06 Jan 2026 00:04:05 +0800');
  });

  it('describes an article by its summary, else by the start of its body', () => {
    expect(describeArticle({ summary: '摘要', body: '<p>正文</p>' })).toBe('摘要');
    const long = describeArticle({ summary: '', body: `<p>${'字'.repeat(300)}</p>` });
    expect(Array.from(long)).toHaveLength(121);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('structured data', () => {
  const article = {
    id: 7,
    title: '标题',
    summary: '',
    body: '<p>正文</p>',
    source: '新华社',
    byline: [],
    publishedAt: new Date('2026-03-01T02:00:00Z'),
    updatedAt: new Date('2026-03-01T01:00:00Z'),
    coverImage: '/media/images/abc.webp',
    coverAlt: '封面说明',
    sectionSlug: 'domestic',
    sectionName: '国内新闻',
  };

  it('gives an article with a cover its image, and an agency article the newsroom as author', () => {
    const json = newsArticleJsonLd(article);
    expect(json.image).toEqual([absoluteUrl('/media/images/abc.webp')]);
    expect(json.author).toEqual([expect.objectContaining({ '@type': 'Organization' })]);
    expect(json.datePublished).toBe('2026-03-01T10:00:00+08:00');
    expect(json.dateModified).toBe('2026-03-01T10:00:00+08:00');
    const meta = articleMetadata(article);
    expect(meta.openGraph).toMatchObject({ images: [{ url: absoluteUrl('/media/images/abc.webp'), alt: '封面说明' }] });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('builds WebSite with a potentialAction only when given one', () => {
    expect(websiteJsonLd().potentialAction).toBeUndefined();
    const action = { '@type': 'SearchAction', target: 'x?q={q}', 'query-input': 'required name=q' };
    expect(websiteJsonLd({ potentialAction: action }).potentialAction).toEqual(action);
  });

  it('cannot be closed early by a title containing </script>', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & more' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script> & more' });
  });
});

describe('article URLs at the front door', () => {
  it('passes a canonical URL through and moves a wrong section slug with 301, query kept', () => {
    const route = articleRoute(fresh)!;
    expect(route.sectionSlug).toBe('longquan');
    expect(articleUrlDecision(`/news/longquan/${fresh}`, '')).toBeUndefined();
    const moved = articleUrlDecision(`/news/domestic/${fresh}`, '?from=wx');
    expect(moved).toMatchObject({ kind: 'answer', status: 301 });
    const location = (moved as HttpAnswer).headers.Location!;
    expect(new URL(location, 'http://portal.test/news/domestic/1').toString()).toBe(`http://portal.test/news/longquan/${fresh}?from=wx`);
  });

  it('answers 410 with a noindex page for a withdrawn article, whatever the slug', () => {
    for (const slug of ['longquan', 'domestic']) {
      const gone = articleUrlDecision(`/news/${slug}/${withdrawn}`, '') as HttpAnswer;
      expect(gone.status).toBe(410);
      expect(gone.headers['X-Robots-Tag']).toBe('noindex');
      expect(gone.body).toContain('<meta name="robots" content="noindex">');
    }
  });

  it('leaves drafts and future articles at their own URL to the page (404 until published)', () => {
    for (const id of [draft, future]) {
      expect(articleUrlDecision(`/news/longquan/${id}`, '')).toBeUndefined();
    }
  });

  it('answers unknown ids, and unpublished ones under another slug, with the 404 page before the ISR route caches anything', () => {
    for (const [slug, id] of [['domestic', draft], ['domestic', future], ['longquan', 999_999], ['anything', 999_999]] as const) {
      expect(articleUrlDecision(`/news/${slug}/${id}`, ''), `${slug}/${id}`).toEqual(NOT_FOUND_PAGE);
    }
  });
});

describe('the front door', () => {
  it('sends list pages to the cached internal route and refuses the ones that do not exist', () => {
    expect(frontDoorDecision('/news/longquan')).toBeUndefined();
    expect(frontDoorDecision('/news/longquan?page=1')).toBeUndefined();
    expect(frontDoorDecision('/news/longquan?page=2&from=wx')).toEqual({ kind: 'rewrite', url: '/news/longquan/page/2?from=wx' });
    for (const url of ['/news/longquan?page=0', '/news/longquan?page=abc', '/news/longquan?page=99999', '/news/longquan?page=2&page=3', '/news/no-such-section', '/news/longquan/page/1', '/news/longquan/page/x']) {
      expect(frontDoorDecision(url), url).toEqual(NOT_FOUND_PAGE);
    }
  });

  it('sends 周热点 pages to the cached internal route within the 50 pages it lists', () => {
    expect(frontDoorDecision('/hot')).toBeUndefined();
    expect(frontDoorDecision('/hot?page=1')).toBeUndefined();
    expect(frontDoorDecision('/hot?page=3')).toEqual({ kind: 'rewrite', url: '/hot/page/3' });
    expect(frontDoorDecision('/hot/page/50')).toBeUndefined();
    for (const url of ['/hot?page=0', '/hot?page=-1', '/hot?page=abc', '/hot?page=51', '/hot?page=2&page=3', '/hot/page/1', '/hot/page/51', '/hot/page/x', '/hot/page']) {
      expect(frontDoorDecision(url), url).toEqual(NOT_FOUND_PAGE);
    }
  });

  it('keeps malformed and impossible URLs away from Next and its cache', () => {
    expect(frontDoorDecision('/news/%ff')).toEqual(NOT_FOUND_PAGE);
    expect(frontDoorDecision('/news/longquan/-1')).toEqual(NOT_FOUND_PAGE);
    expect(frontDoorDecision('/news/longquan/1e309')).toEqual(NOT_FOUND_PAGE);
    expect(frontDoorDecision('/news/longquan/..%2f..%2fetc%2fpasswd')).toEqual(NOT_FOUND_PAGE);
    expect(frontDoorDecision('/api/auth/%ff')).toMatchObject({ kind: 'answer', status: 400 });
    expect(frontDoorDecision('/news/longquan/rss.xml')).toBeUndefined();
    expect(frontDoorDecision('/admin/articles')).toBeUndefined();
  });

  it('resolves dot segments before deciding, as the router would', () => {
    expect(frontDoorDecision(`/news/x/../domestic/${fresh}`)).toMatchObject({ kind: 'answer', status: 301 });
  });
});

describe('query plans', () => {
  it('reads articles only along an index or the primary key', () => {
    expect(recorded.size).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const [source, args] of recorded) {
      if (!/\barticles\b/.test(source) || /^\s*(insert|update|delete|analyze)/i.test(source)) continue;
      const plan = (original(`explain query plan ${source}`).all(...(args as [])) as Array<{ detail: string }>).map((r) => r.detail);
      if (process.env.SHOW_PLANS) console.log(`${source}\n  ${plan.join("\n  ")}`);
      if (plan.some((d) => /^SCAN (articles|"articles")\b/.test(d))) {
        problems.push(`${source}\n  ${plan.join('\n  ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
