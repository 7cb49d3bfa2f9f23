import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PATH,
  API_PATH,
  articlePath,
  articleSitemapPath,
  HOME_PATH,
  HOT_PATH,
  hotPageRoute,
  hotPath,
  imagePath,
  LOGO_PATH,
  matchArticlePath,
  matchArticleSitemapName,
  matchHotPageRoute,
  matchSectionPageRoute,
  matchSectionPath,
  matchSitemapName,
  NEWS_SITEMAP_PATH,
  PAGES_SITEMAP_PATH,
  pagedPath,
  SEARCH_PATH,
  searchPath,
  sectionFeedPath,
  sectionPageRoute,
  sectionPath,
  SITE_FEED_PATH,
  SITEMAP_INDEX_PATH,
} from '@/lib/routes';

/**
 * lib/routes.ts and the app/ folder names describe the same URLs twice; these tests hold them
 * together. Each built path is resolved against app/ the way the App Router does (route groups
 * are transparent, a static folder beats a [dynamic] one) so renaming or moving a route folder
 * fails here instead of leaving links that 404. The (site) catch-all is left out: it answers
 * every unknown URL with the 404 page and would make any path "resolve".
 */
const ROOT = path.resolve(__dirname, '..');
const APP = path.join(ROOT, 'app');
const ENTRY_FILES = ['page.tsx', 'route.ts'];

type Resolved = { file: string; params: Record<string, string> };

function folders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name);
}

const isGroup = (name: string) => /^\(.+\)$/.test(name);
const dynamicName = (name: string) => /^\[([^.[\]]+)\]$/.exec(name)?.[1] ?? null;

function resolveIn(dir: string, segments: string[], params: Record<string, string>): Resolved | null {
  if (segments.length === 0) {
    const entry = ENTRY_FILES.find((f) => fs.existsSync(path.join(dir, f)));
    if (entry) return { file: path.relative(ROOT, path.join(dir, entry)).split(path.sep).join('/'), params };
  }
  const [head, ...rest] = segments;
  const children = folders(dir);
  if (head !== undefined) {
    if (children.includes(head)) {
      const found = resolveIn(path.join(dir, head), rest, params);
      if (found) return found;
    }
    for (const child of children) {
      const name = dynamicName(child);
      if (!name) continue;
      const found = resolveIn(path.join(dir, child), rest, { ...params, [name]: head });
      if (found) return found;
    }
  }
  for (const child of children.filter(isGroup)) {
    const found = resolveIn(path.join(dir, child), segments, params);
    if (found) return found;
  }
  return null;
}

/** The route file (and its params) the App Router would serve a built URL from; its query is ignored. */
function resolveRoute(url: string): Resolved | null {
  const { pathname } = new URL(url, 'http://portal.test');
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  return resolveIn(APP, segments, {});
}

describe('every builder lands on a route folder that exists', () => {
  const cases: Array<[string, string, string, Record<string, string>]> = [
    ['home', HOME_PATH, 'app/(site)/page.tsx', {}],
    ['section list', sectionPath('longquan'), 'app/(site)/news/[slug]/page.tsx', { slug: 'longquan' }],
    ['section list page 3', sectionPath('longquan', 3), 'app/(site)/news/[slug]/page.tsx', { slug: 'longquan' }],
    ['section page route', sectionPageRoute('longquan', 3), 'app/(site)/news/[slug]/page/[n]/page.tsx', { slug: 'longquan', n: '3' }],
    ['article', articlePath('longquan', 42), 'app/(site)/news/[slug]/[id]/page.tsx', { slug: 'longquan', id: '42' }],
    ['section feed', sectionFeedPath('longquan'), 'app/(site)/news/[slug]/rss.xml/route.ts', { slug: 'longquan' }],
    ['周热点', hotPath(), 'app/(site)/hot/page.tsx', {}],
    ['周热点 page 2', hotPath(2), 'app/(site)/hot/page.tsx', {}],
    ['周热点 page route', hotPageRoute(2), 'app/(site)/hot/page/[n]/page.tsx', { n: '2' }],
    ['search', searchPath({ q: '龙泉' }), 'app/(site)/search/page.tsx', {}],
    ['site feed', SITE_FEED_PATH, 'app/rss.xml/route.ts', {}],
    ['sitemap index', SITEMAP_INDEX_PATH, 'app/sitemap.xml/route.ts', {}],
    ['pages sitemap', PAGES_SITEMAP_PATH, 'app/sitemaps/[name]/route.ts', { name: 'pages.xml' }],
    ['news sitemap', NEWS_SITEMAP_PATH, 'app/sitemaps/[name]/route.ts', { name: 'news.xml' }],
    ['article sitemap', articleSitemapPath(2), 'app/sitemaps/[name]/route.ts', { name: 'articles-2.xml' }],
    ['image', imagePath('ab12.webp'), 'app/media/images/[file]/route.ts', { file: 'ab12.webp' }],
    ['staff area', ADMIN_PATH, 'app/admin/page.tsx', {}],
  ];

  it.each(cases)('%s: %s', (_name, url, file, params) => {
    expect(resolveRoute(url)).toEqual({ file, params });
  });

  it('the logo is a static file under public/', () => {
    expect(fs.existsSync(path.join(ROOT, 'public', LOGO_PATH))).toBe(true);
  });

  it('the machine endpoints robots.txt closes are a folder of app/', () => {
    expect(fs.statSync(path.join(APP, API_PATH)).isDirectory()).toBe(true);
  });

  it('the resolver itself refuses a path no folder serves', () => {
    expect(resolveRoute('/no-such-route/anywhere')).toBeNull();
    expect(resolveRoute('/news/longquan/42/extra')).toBeNull();
  });
});

describe('every builder reads back through its matcher', () => {
  it('article', () => {
    expect(matchArticlePath(articlePath('longquan', 42))).toEqual({ slug: 'longquan', rawId: '42' });
  });

  it('section list, the page number in the query from page 2 on', () => {
    expect(matchSectionPath(sectionPath('longquan'))).toEqual({ slug: 'longquan' });
    expect(sectionPath('longquan', 1)).toBe(sectionPath('longquan'));
    const paged = new URL(sectionPath('longquan', 3), 'http://portal.test');
    expect(matchSectionPath(paged.pathname)).toEqual({ slug: 'longquan' });
    expect(paged.searchParams.getAll('page')).toEqual(['3']);
  });

  it('section page route', () => {
    expect(matchSectionPageRoute(sectionPageRoute('longquan', 3))).toEqual({ slug: 'longquan', rawPage: '3' });
  });

  it('周热点 and its page route', () => {
    expect(hotPath()).toBe(HOT_PATH);
    expect(hotPath(1)).toBe(HOT_PATH);
    const paged = new URL(hotPath(4), 'http://portal.test');
    expect(paged.pathname).toBe(HOT_PATH);
    expect(paged.searchParams.getAll('page')).toEqual(['4']);
    expect(matchHotPageRoute(hotPageRoute(4))).toEqual({ rawPage: '4' });
  });

  it('search keeps the parameters given and drops the empty ones', () => {
    expect(searchPath()).toBe(SEARCH_PATH);
    const url = new URL(searchPath({ q: '龙泉 青瓷&x=1', page: 2, section: '', from: undefined }), 'http://portal.test');
    expect(url.pathname).toBe(SEARCH_PATH);
    expect([...url.searchParams]).toEqual([
      ['q', '龙泉 青瓷&x=1'],
      ['page', '2'],
    ]);
  });

  it('sitemaps', () => {
    const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    expect(matchSitemapName(name(PAGES_SITEMAP_PATH))).toEqual({ kind: 'pages' });
    expect(matchSitemapName(name(NEWS_SITEMAP_PATH))).toEqual({ kind: 'news' });
    expect(matchSitemapName(name(articleSitemapPath(7)))).toEqual({ kind: 'articles', rawChunk: '7' });
    expect(matchArticleSitemapName(name(articleSitemapPath(7)))).toBe('7');
    for (const bogus of ['articles-.xml', 'articles-x.xml', 'other.xml', 'pages.xml.bak']) {
      expect(matchSitemapName(bogus), bogus).toBeNull();
    }
  });

  it('pagedPath leaves page 1 without a query', () => {
    expect(pagedPath('/x', 1)).toBe('/x');
    expect(pagedPath('/x', 2)).toBe('/x?page=2');
  });
});

describe('the matchers agree with the router', () => {
  it('a section sub-route folder is never read as an article id', () => {
    // A new folder beside [id] (say news/[slug]/topics) must be taught to matchArticlePath too,
    // or the front door would answer it as an article that does not exist.
    const sectionDir = path.join(APP, '(site)', 'news', '[slug]');
    const staticChildren = folders(sectionDir).filter((f) => !dynamicName(f));
    expect(staticChildren.length).toBeGreaterThan(0);
    for (const child of staticChildren) {
      expect(matchArticlePath(`/news/longquan/${child}`), child).toBeNull();
    }
  });

  it('a path the article matcher accepts is served by the article page', () => {
    for (const url of ['/news/longquan/42', '/news/longquan/abc', '/news/%E9%BE%99/1']) {
      expect(matchArticlePath(url), url).not.toBeNull();
      expect(resolveRoute(url)?.file, url).toBe('app/(site)/news/[slug]/[id]/page.tsx');
    }
  });

  it('decodes slugs as the router does and refuses undecodable ones', () => {
    expect(matchSectionPath('/news/%E9%BE%99')).toEqual({ slug: '龙' });
    expect(matchSectionPath('/news/%ff')).toBeNull();
    expect(matchArticlePath('/news/%ff/1')).toBeNull();
    expect(matchSectionPageRoute('/news/%ff/page/2')).toEqual({ slug: null, rawPage: '2' });
  });

  it('the internal page routes without a number still match, for the front door to refuse', () => {
    expect(matchSectionPageRoute('/news/longquan/page')).toEqual({ slug: 'longquan', rawPage: '' });
    expect(matchHotPageRoute('/hot/page')).toEqual({ rawPage: '' });
    expect(matchHotPageRoute('/hot/page/2/x')).toBeNull();
  });
});
