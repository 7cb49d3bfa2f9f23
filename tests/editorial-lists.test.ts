import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRoute } from '@/db/queries/article-route';
import { getPublicArticle, PAGE_SIZE } from '@/db/queries/articles';
import { sectionFeed } from '@/db/queries/feeds';
import { getHomePage } from '@/db/queries/home';
import { searchArticles } from '@/db/queries/search';
import { sectionListPage } from '@/db/queries/section-list';
import { sectionRoute } from '@/db/queries/section-route';
import { getDescendantIds, getSectionBySlug } from '@/db/queries/sections';
import { articleSitemapChunks, articleSitemapEntries, newsSitemapEntries } from '@/db/queries/sitemaps';
import { renderRss } from '@/lib/feeds/rss';
import { articleUrlDecision } from '@/lib/seo/article-url';
import { NOT_FOUND_PAGE } from '@/lib/http/front-door-types';
import { parseQuery } from '@/lib/search/query';
import { articlePath } from '@/lib/routes';
import { absoluteUrl } from '@/lib/seo/urls';
import { useTestDatabase } from './helpers/test-db';

/**
 * What readers see of the editors' controls: 头条 and 推荐 on the home page, 置顶 first on page 1
 * of a section list and never twice, 一稿多发 listed once at its one URL, and external entries
 * linked out but given no page and no sitemap URL.
 */
const NOW = new Date();
const { db, cleanup } = useTestDatabase({ articles: 400, now: NOW });
const sqlite = db.$client;
const HOUR = 3_600_000;

const sectionId = (slug: string) => (sqlite.prepare('select id from sections where slug = ?').get(slug) as { id: number }).id;
const insert = sqlite.prepare(`insert into articles (section_id, title, summary, body, source, byline, status, published_at, created_at, updated_at, external_url)
  values (@section, @title, '', '<p>正文</p>', '原创', '[]', 'published', @at, @at, @at, @url)`);
function addArticle(slug: string, title: string, at: number, url: string | null = null): number {
  return Number(insert.run({ section: sectionId(slug), title, at, url }).lastInsertRowid);
}
const set = (id: number, assignments: string) => sqlite.prepare(`update articles set ${assignments} where id = ?`).run(id);

async function listOf(slug: string, page = 1) {
  const section = (await getSectionBySlug(slug))!;
  return sectionListPage(await getDescendantIds(section.id), page, NOW);
}
const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

beforeAll(() => {
  // The demo seed sets some flags of its own; these tests start from none.
  sqlite.exec(`update articles set pinned = 0, pin_ends_at = null, headline_rank = null, recommended = 0, sort_weight = 0,
    external_url = null, short_title = null, title_color = null, title_bold = 0; delete from article_sections;`);
});
afterAll(cleanup);

describe('置顶 on a section list', () => {
  it('puts pinned entries first on page 1, heaviest first, and never repeats them', async () => {
    const before = await listOf('longquan');
    const newest = before.items[0]!.id;
    const older = before.items[5]!.id;
    const oldest = (await listOf('longquan', before.totalPages)).items.at(-1)!.id;
    set(older, 'pinned = 1, sort_weight = 1');
    set(oldest, 'pinned = 1, sort_weight = 5');
    set(newest, `pinned = 1, pin_ends_at = ${NOW.getTime() - HOUR}`); // its pin has ended
    const page1 = await listOf('longquan');
    expect(ids(page1.pinned)).toEqual([oldest, older]);
    expect(page1.items).toHaveLength(PAGE_SIZE);
    expect(page1.items[0]!.id).toBe(newest);
    const everything: number[] = [];
    for (let p = 1; p <= page1.totalPages; p++) everything.push(...ids((await listOf('longquan', p)).items));
    expect(everything).not.toContain(oldest);
    expect(everything).not.toContain(older);
    expect(new Set(everything).size).toBe(everything.length);
    // Pages 2+ show none of them either, and the parent section's list pins them too.
    expect(ids((await listOf('news')).pinned)).toEqual([oldest, older]);
    expect((await listOf('longquan', 2)).pinned).toEqual([]);
  });

  it('keeps "does page N exist" in step with the pages the list has', async () => {
    for (const slug of ['longquan', 'news']) {
      const { totalPages } = await listOf(slug);
      expect(sectionRoute(slug, totalPages, NOW.getTime()).hasPage).toBe(true);
      expect(sectionRoute(slug, totalPages + 1, NOW.getTime()).hasPage).toBe(false);
      expect((await listOf(slug, totalPages)).items.length).toBeGreaterThan(0);
    }
  });

  it('lets a pin lapse at its end time', async () => {
    const id = addArticle('domestic', '限时置顶', NOW.getTime() - 30 * 86_400_000);
    set(id, `pinned = 1, pin_ends_at = ${NOW.getTime() + HOUR}`);
    const section = (await getSectionBySlug('domestic'))!;
    expect(ids((await sectionListPage([section.id], 1, NOW)).pinned)).toContain(id);
    const later = new Date(NOW.getTime() + 2 * HOUR);
    expect(ids((await sectionListPage([section.id], 1, later)).pinned)).not.toContain(id);
  });
});

describe('一稿多发', () => {
  it('lists an article in a further section once, at its home section URL, in that section feed, once in the sitemap', async () => {
    const id = addArticle('international', '同时发布到通知公告', NOW.getTime() - 60_000);
    sqlite.prepare('insert into article_sections (article_id, section_id) values (?, ?), (?, ?)').run(id, sectionId('notices'), id, sectionId('open-government'));
    for (const slug of ['notices', 'info']) {
      const page = await listOf(slug);
      const found = page.items.filter((r) => r.id === id);
      expect(found, slug).toHaveLength(1);
      expect(found[0]!.sectionSlug).toBe('international');
    }
    // The route read agrees: the extra section's list counts it, and the article's one URL stays in its home section.
    expect(articleRoute(id)?.sectionSlug).toBe('international');
    const feed = (await sectionFeed('notices', 50, NOW))!;
    expect(feed.items.map((i) => i.id)).toContain(id);
    expect(renderRss({ title: 't', path: '/', feedPath: '/', description: 'd' }, feed.items)).toContain(
      `<link>${absoluteUrl(articlePath('international', id))}</link>`,
    );
    const chunks = await articleSitemapChunks(NOW);
    const entries = (await Promise.all(chunks.map((c) => articleSitemapEntries(c.chunk, NOW)))).flat();
    expect(entries.filter((e) => e.id === id)).toEqual([expect.objectContaining({ sectionSlug: 'international' })]);
  });

  it('does not list it twice in a list holding both of its sections', async () => {
    const id = addArticle('longquan', '龙泉与国内', NOW.getTime() - 30_000);
    sqlite.prepare('insert into article_sections (article_id, section_id) values (?, ?)').run(id, sectionId('domestic'));
    const page = await listOf('news');
    expect(page.items.filter((r) => r.id === id)).toHaveLength(1);
  });
});

describe('external entries', () => {
  it('link out in lists and search, have no page, and stay out of sitemaps', async () => {
    const url = 'https://example.org/zhuanzai/1';
    const id = addArticle('longquan', '转载外部报道示例', NOW.getTime() - 10_000, url);
    const row = (await listOf('longquan')).items.find((r) => r.id === id);
    expect(row?.externalUrl).toBe(url);
    expect(await getPublicArticle(id, NOW)).toBeUndefined();
    expect(articleRoute(id)).toBeUndefined();
    expect(articleUrlDecision(articlePath('longquan', id), '', NOW.getTime())).toBe(NOT_FOUND_PAGE);
    const chunks = await articleSitemapChunks(NOW);
    const entries = (await Promise.all(chunks.map((c) => articleSitemapEntries(c.chunk, NOW)))).flat();
    expect(entries.map((e) => e.id)).not.toContain(id);
    expect((await newsSitemapEntries(NOW)).map((e) => e.id)).not.toContain(id);
    const hits = await searchArticles(parseQuery('转载外部报道示例')!, {}, NOW);
    expect(hits.hits.find((h) => h.id === id)?.externalUrl).toBe(url);
    const feed = (await sectionFeed('longquan', 50, NOW))!;
    expect(renderRss({ title: 't', path: '/', feedPath: '/', description: 'd' }, feed.items)).toContain(`<link>${url}</link>`);
  });
});

describe('home page', () => {
  it('leads with the ranked 头条 and shows 推荐 by weight, then date', async () => {
    const fallback = await getHomePage(NOW);
    expect(fallback.topStory).toBeDefined();
    const [a, b, c] = ids(fallback.blocks.flatMap((bl) => bl.items)).slice(3, 6) as [number, number, number];
    set(a, 'headline_rank = 2');
    set(b, 'headline_rank = 1');
    set(c, `headline_rank = 3, unpublish_at = ${NOW.getTime() - 1}`); // taken down: not a lead any more
    set(a, 'recommended = 1, sort_weight = 0');
    set(c, 'recommended = 1, sort_weight = 9');
    set(b, 'recommended = 1, sort_weight = 3');
    const home = await getHomePage(NOW);
    expect(home.topStory?.id).toBe(b);
    // The ranked ones first, then the newest of the first top-level section fill the box.
    expect(ids(home.topList)[0]).toBe(a);
    const fill = ids([fallback.topStory!, ...fallback.topList]).filter((id) => id !== a && id !== b && id !== c);
    expect(ids(home.topList).slice(1)).toEqual(fill.slice(0, home.topList.length - 1));
    expect(home.topList.length).toBe(6);
    expect(ids(home.recommended)).toEqual([b, a]);
  });
});
