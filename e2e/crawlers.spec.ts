import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { visibleClause } from '../db/visibility';
import { registerSearchFunctions } from '../lib/search/sql-functions';
import { isoShanghai } from '../lib/time';
import { e2eDatabasePath, openE2eDatabase } from './helpers/e2e-db';
import { jsonLdNodes, xmllintSchema } from './helpers/seo';

/**
 * What search engines and feed readers get: robots.txt, the sitemaps (checked by xmllint against
 * the sitemaps.org schemas), the Google News sitemap, RSS (read by rss-parser), per-page metadata
 * and JSON-LD (compared with the database), and the HTTP status codes crawlers rely on.
 */

const SITE_NAME = '龙泉新闻网';
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) });

type Row = {
  id: number;
  title: string;
  summary: string;
  body: string;
  byline: string;
  source: string;
  published_at: number;
  updated_at: number;
  cover_image: string | null;
  external_url: string | null;
  slug: string;
  section_name: string;
  section_id: number;
};

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = openE2eDatabase();
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

const VISIBLE = visibleClause('a');
// Articles with a page of their own: 跳转 entries (external_url) link elsewhere and have none.
const WITH_PAGE = `${VISIBLE} and a.external_url is null`;
const ARTICLE_SELECT = `select a.*, s.slug, s.name as section_name from articles a join sections s on s.id = a.section_id`;

/** An absolute canonical as a URL parser reads it (`http://host` and `http://host/` are the same URL). */
function canonicalOf(href: string | null): string {
  expect(href).toMatch(/^https?:\/\//);
  return new URL(href!).toString();
}

function url(base: string, path: string): string {
  return new URL(path, base).toString();
}

async function getText(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return { response, body: await response.text() };
}

function expectFeedCaching(headers: Record<string, string>) {
  const cache = headers['cache-control'] ?? '';
  expect(cache).toContain('public');
  expect(cache).toMatch(/s-maxage=\d+/);
  expect(cache).toMatch(/stale-while-revalidate=\d+/);
}

test.describe('crawlers', () => {
  // An article a test added for itself, removed after it whatever the outcome.
  let addedArticle: number | undefined;
  test.afterEach(() => {
    if (addedArticle === undefined) return;
    const writer = new Database(e2eDatabasePath());
    try {
      writer.prepare('delete from articles where id = ?').run(addedArticle);
    } finally {
      writer.close();
    }
    addedArticle = undefined;
  });

  test('robots.txt allows the public site, closes /admin and /api, and names the sitemap index', async ({ request, baseURL }) => {
    const { response, body } = await getText(request, '/robots.txt');
    expect(response.headers()['content-type']).toContain('text/plain');
    const lines = body.split('\n').map((l) => l.trim());
    expect(lines).toContain('User-Agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain('Disallow: /admin');
    expect(lines).toContain('Disallow: /api');
    expect(lines).toContain(`Sitemap: ${url(baseURL!, '/sitemap.xml')}`);
  });

  test('the sitemap index and its sitemaps are valid and list every visible article, section and the home page', async ({ request, baseURL }) => {
    const index = await getText(request, '/sitemap.xml');
    expect(index.response.headers()['content-type']).toMatch(/^application\/xml/);
    expectFeedCaching(index.response.headers());
    const indexCheck = xmllintSchema(index.body, 'siteindex.xsd');
    expect(indexCheck.ok, indexCheck.output).toBe(true);

    const children = (xml.parse(index.body).sitemapindex.sitemap as Array<{ loc: string }>).map((s) => s.loc);
    expect(children).toContain(url(baseURL!, '/sitemaps/pages.xml'));
    expect(children).toContain(url(baseURL!, '/sitemaps/news.xml'));

    const listed = new Map<string, string | undefined>();
    for (const child of children.filter((c) => !c.endsWith('/news.xml'))) {
      const { response, body } = await getText(request, new URL(child).pathname);
      expect(response.headers()['content-type']).toMatch(/^application\/xml/);
      const check = xmllintSchema(body, 'sitemap.xsd');
      expect(check.ok, `${child}: ${check.output}`).toBe(true);
      const urls = xml.parse(body).urlset.url as Array<{ loc: string; lastmod?: string }>;
      expect(urls.length).toBeLessThanOrEqual(50_000);
      for (const u of urls) {
        expect(listed.has(u.loc), `${u.loc} listed twice`).toBe(false);
        listed.set(u.loc, u.lastmod);
      }
    }

    const now = Date.now();
    const articles = query<Row>(`${ARTICLE_SELECT} where ${WITH_PAGE}`, { now });
    const sections = query<{ slug: string }>('select slug from sections');
    expect(listed.has(url(baseURL!, '/'))).toBe(true);
    for (const s of sections) expect(listed.has(url(baseURL!, `/news/${s.slug}`)), s.slug).toBe(true);
    for (const a of articles) {
      const loc = url(baseURL!, `/news/${a.slug}/${a.id}`);
      expect(listed.get(loc), loc).toBe(isoShanghai(Math.max(a.updated_at, a.published_at)));
    }
    const articleUrls = [...listed.keys()].filter((loc) => /\/news\/[^/]+\/\d+$/.test(loc));
    expect(articleUrls).toHaveLength(articles.length);
  });

  test('the Google News sitemap lists the last two days of articles with publication, date and title', async ({ request, baseURL }) => {
    // The seed spreads articles over years, so the last two days may hold none: publish one an
    // hour ago (as the newsroom stores it, search triggers included) so the list cannot be empty.
    const writer = new Database(e2eDatabasePath());
    registerSearchFunctions(writer);
    try {
      const at = Date.now() - 3_600_000;
      addedArticle = Number(
        writer
          .prepare(
            `insert into articles (section_id, title, summary, body, source, byline, status, published_at, created_at, updated_at)
             values ((select id from sections where slug = 'longquan'), '谷歌新闻站点地图测试稿件', '摘要', '<p>正文</p>', '原创', '[]', 'published', ?, ?, ?)`,
          )
          .run(at, at, at).lastInsertRowid,
      );
    } finally {
      writer.close();
    }
    const { response, body } = await getText(request, '/sitemaps/news.xml');
    expect(response.headers()['content-type']).toMatch(/^application\/xml/);
    const doc = xml.parse(body).urlset;
    expect(doc['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    type NewsUrl = {
      loc: string;
      'news:news': {
        'news:publication': { 'news:name': string; 'news:language': string };
        'news:publication_date': string;
        'news:title': string;
      };
    };
    const urls = (doc.url ?? []) as NewsUrl[];
    const now = Date.now();
    const expected = query<Row>(
      `${ARTICLE_SELECT} where ${WITH_PAGE} and a.published_at > ? order by a.published_at desc limit 1000`,
      { now },
      now - 2 * 86_400_000,
    );
    const byLoc = new Map(expected.map((a) => [url(baseURL!, `/news/${a.slug}/${a.id}`), a]));
    expect(urls.map((u) => u.loc).sort()).toEqual([...byLoc.keys()].sort());
    expect(urls.length).toBeGreaterThanOrEqual(1);
    expect(urls.map((u) => u.loc)).toContain(url(baseURL!, `/news/longquan/${addedArticle}`));
    expect(urls.length).toBeLessThanOrEqual(1000);
    urls.forEach((u, i) => {
      const a = byLoc.get(u.loc)!;
      const news = u['news:news'];
      // Newest first.
      if (i > 0) expect(Date.parse(news['news:publication_date'])).toBeLessThanOrEqual(Date.parse(urls[i - 1]!['news:news']['news:publication_date']));
      expect(news['news:publication']['news:name']).toBe(SITE_NAME);
      expect(news['news:publication']['news:language']).toBe('zh-cn');
      expect(news['news:publication_date']).toBe(isoShanghai(a.published_at));
      expect(String(news['news:title'])).toBe(a.title);
    });
  });

  test('the site RSS feed has the latest 50 articles with every field a reader needs', async ({ request, baseURL }) => {
    const { response, body } = await getText(request, '/rss.xml');
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    expectFeedCaching(response.headers());
    const feed = await new Parser().parseString(body);
    expect(feed.title).toBe(SITE_NAME);
    expect(feed.link).toBe(url(baseURL!, '/'));
    const latest = query<Row>(`${ARTICLE_SELECT} where ${VISIBLE} order by a.published_at desc limit 50`, { now: Date.now() });
    expect(feed.items).toHaveLength(50);
    feed.items.forEach((item, i) => {
      const a = latest[i]!;
      // A 跳转 entry is in the feed too, linking where it leads (it has no page here).
      const link = a.external_url ?? url(baseURL!, `/news/${a.slug}/${a.id}`);
      expect(item.title).toBe(a.title);
      expect(item.link).toBe(link);
      expect(item.guid).toBe(link);
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
      expect(Date.parse(item.pubDate!)).toBe(Math.floor(a.published_at / 1000) * 1000);
      expect(item.content?.length ?? 0).toBeGreaterThan(0);
      expect(item.categories).toEqual([a.section_name]);
    });
  });

  test('a section feed holds only that section and its sub-sections', async ({ request }) => {
    const { response, body } = await getText(request, '/news/news/rss.xml');
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    expectFeedCaching(response.headers());
    const feed = await new Parser().parseString(body);
    const inSection = query<{ id: number }>(
      `select a.id from articles a join sections s on s.id = a.section_id
       where ${VISIBLE} and (s.slug = 'news' or s.parent_id = (select id from sections where slug = 'news'))
       order by a.published_at desc limit 50`,
      { now: Date.now() },
    );
    expect(feed.items.map((i) => Number(i.link!.split('/').pop()))).toEqual(inSection.map((r) => r.id));
    expect((await request.get('/news/no-such-section/rss.xml')).status()).toBe(404);
  });

  test('pages link their feeds with <link rel="alternate">', async ({ page, request }) => {
    await page.goto('/news/longquan');
    const hrefs = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) =>
      links.map((l) => (l as HTMLLinkElement).href),
    );
    expect(hrefs.map((h) => new URL(h).pathname).sort()).toEqual(['/news/longquan/rss.xml', '/rss.xml']);
    for (const href of hrefs) expect((await request.get(new URL(href).pathname)).status()).toBe(200);
  });

  test('an article page carries its title, description, canonical, Open Graph, government tags and JSON-LD', async ({ page, baseURL }) => {
    const [a] = query<Row>(`${ARTICLE_SELECT} where ${WITH_PAGE} and a.byline != '[]' order by a.published_at desc limit 1`, { now: Date.now() });
    expect(a).toBeDefined();
    const article = a!;
    const path = `/news/${article.slug}/${article.id}`;
    const canonical = url(baseURL!, path);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle(`${article.title} - ${article.section_name} - ${SITE_NAME}`);
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    const description = await meta('meta[name="description"]');
    expect(description && description.length > 0).toBe(true);
    expect(article.summary.startsWith((description ?? '').replace(/…$/, ''))).toBe(true);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(canonical);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:url"]')).toBe(canonical);
    expect(await meta('meta[property="og:title"]')).toBe(article.title);
    expect(await meta('meta[property="article:published_time"]')).toBe(isoShanghai(article.published_at));
    expect(await meta('meta[property="article:section"]')).toBe(article.section_name);
    expect(await meta('meta[name="twitter:card"]')).toMatch(/^summary/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    // 政府网站 meta tags.
    expect(await meta('meta[name="SiteName"]')).toBe(SITE_NAME);
    expect(await meta('meta[name="SiteDomain"]')).toBe(new URL(baseURL!).host);
    expect(await meta('meta[name="SiteIDCode"]')).toMatch(/^\d{10}$/);
    expect(await meta('meta[name="ColumnName"]')).toBe(article.section_name);
    expect(await meta('meta[name="ArticleTitle"]')).toBe(article.title);
    expect(await meta('meta[name="PubDate"]')).toBe(isoShanghai(article.published_at).slice(0, 16).replace('T', ' '));
    expect(await meta('meta[name="ContentSource"]')).toBe(article.source);

    const nodes = jsonLdNodes(await page.locator('script[type="application/ld+json"]').allTextContents());
    const news = nodes.find((n) => n['@type'] === 'NewsArticle')!;
    expect(news).toBeDefined();
    expect(news['@context']).toBe('https://schema.org');
    expect(news.headline).toBe(article.title);
    expect(news.datePublished).toBe(isoShanghai(article.published_at));
    expect(news.dateModified).toBe(isoShanghai(Math.max(article.updated_at, article.published_at)));
    expect(news.articleSection).toBe(article.section_name);
    expect(news.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical });
    expect(news.author).toEqual((JSON.parse(article.byline) as string[]).map((name) => ({ '@type': 'Person', name })));
    const publisher = news.publisher as { name: string; logo: { '@type': string; url: string } };
    expect(publisher.name).toBe(SITE_NAME);
    expect(publisher.logo['@type']).toBe('ImageObject');
    const logo = await page.request.get(publisher.logo.url);
    expect(logo.status()).toBe(200);
    expect(logo.headers()['content-type']).toBe('image/png');
    if (article.cover_image) expect(news.image).toEqual([url(baseURL!, article.cover_image)]);
    else expect(news.image).toBeUndefined();

    const crumbs = nodes.find((n) => n['@type'] === 'BreadcrumbList')!;
    const visible = await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').evaluateAll((links) =>
      links.map((l) => ({ name: l.textContent, href: (l as HTMLAnchorElement).href })),
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(crumbs.itemListElement).toEqual(
      visible.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.href })),
    );
  });

  test('the home page is a WebSite with its canonical; list pages and their page 2 are distinct canonicals', async ({ page, baseURL }) => {
    await page.goto('/');
    expect(canonicalOf(await page.locator('link[rel="canonical"]').getAttribute('href'))).toBe(url(baseURL!, '/'));
    await expect(page).toHaveTitle(SITE_NAME);
    const site = jsonLdNodes(await page.locator('script[type="application/ld+json"]').allTextContents()).find(
      (n) => n['@type'] === 'WebSite',
    );
    expect(site?.name).toBe(SITE_NAME);
    expect(site?.url).toBe(url(baseURL!, '/'));

    const titles = new Set<string>();
    for (const path of ['/', '/news/longquan', '/news/longquan?page=2', '/hot']) {
      await page.goto(path);
      expect(canonicalOf(await page.locator('link[rel="canonical"]').getAttribute('href'))).toBe(url(baseURL!, path));
      const title = await page.title();
      expect(titles.has(title), `duplicate title ${title}`).toBe(false);
      titles.add(title);
      expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length).toBeGreaterThan(0);
    }
  });

  test('HTTP status: 404 for what never existed, 301 to the canonical URL, 410 for a withdrawn article', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    try {
      const maxId = query<{ m: number }>('select max(id) as m from articles')[0]!.m;
      for (const path of [`/news/longquan/${maxId + 1000}`, '/news/no-such-section', '/no-such-page', '/news/longquan/abc']) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(404);
        expect(await response.text()).toContain('页面不存在');
      }

      const [a] = query<Row>(`${ARTICLE_SELECT} where ${WITH_PAGE} order by a.published_at desc limit 1`, { now: Date.now() });
      const other = a!.slug === 'domestic' ? 'international' : 'domestic';
      const moved = await request.get(`/news/${other}/${a!.id}`);
      expect(moved.status()).toBe(301);
      // A relative Location is resolved against the request URL (RFC 9110), as browsers and crawlers do.
      expect(new URL(moved.headers()['location']!, url(baseURL!, `/news/${other}/${a!.id}`)).toString()).toBe(
        url(baseURL!, `/news/${a!.slug}/${a!.id}`),
      );
      expect((await request.get(`/news/${a!.slug}/${a!.id}`)).status()).toBe(200);

      // Withdraw the oldest article for this check (the way the newsroom's 撤稿 stores it), then restore it.
      const [oldest] = query<Row>(`${ARTICLE_SELECT} where ${WITH_PAGE} order by a.published_at asc limit 1`, { now: Date.now() });
      const writer = new Database(e2eDatabasePath());
      try {
        writer.prepare(`update articles set status = 'withdrawn' where id = ?`).run(oldest!.id);
        for (const slug of [oldest!.slug, other]) {
          const gone = await request.get(`/news/${slug}/${oldest!.id}`);
          expect(gone.status()).toBe(410);
          const html = await gone.text();
          expect(html).toContain('<meta name="robots" content="noindex">');
          expect(html).toContain('文章已撤销');
        }
        const rss = await new Parser().parseString(await (await request.get('/rss.xml')).text());
        expect(rss.items.some((i) => i.link?.endsWith(`/${oldest!.id}`))).toBe(false);
        const pages = await (await request.get('/sitemaps/articles-1.xml')).text();
        expect(pages).not.toContain(`/news/${oldest!.slug}/${oldest!.id}<`);
      } finally {
        writer.prepare(`update articles set status = 'published' where id = ?`).run(oldest!.id);
        writer.close();
      }
      expect((await request.get(`/news/${oldest!.slug}/${oldest!.id}`)).status()).toBe(200);
    } finally {
      await request.dispose();
    }
  });
});
