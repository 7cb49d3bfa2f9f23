import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResults } from '@/components/search-results';
import { searchArticleIdsForStaff, searchArticles, type SearchFilters, type SearchHit } from '@/db/queries/search';
import { parseSearchParams } from '@/lib/search/params';
import { MAX_QUERY_LENGTH, parseQuery } from '@/lib/search/query';
import { paragraphsToHtml } from '@/lib/seed/seed-database';
import { useTestDatabase } from './helpers/test-db';
import { insertFixtureCorpus, type QuerySet } from './helpers/search-corpus';

const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/search-queries.json'), 'utf8')) as QuerySet;

let env: ReturnType<typeof useTestDatabase>;
let keyOf: Map<number, string>;
let idOf: Map<string, number>;

beforeAll(() => {
  env = useTestDatabase({ articles: 0 });
  keyOf = insertFixtureCorpus(env.db, fixture.corpus);
  idOf = new Map([...keyOf].map(([id, key]) => [key, id]));
});
afterAll(() => env.cleanup());

async function search(q: string, filters: SearchFilters = {}, now?: Date) {
  const parsed = parseQuery(q);
  if (!parsed) return null;
  return searchArticles(parsed, { pageSize: 100, ...filters }, now);
}
async function keys(q: string, filters: SearchFilters = {}, now?: Date) {
  return ((await search(q, filters, now))?.hits ?? []).map((h) => keyOf.get(h.id) ?? `#${h.id}`);
}
function sectionId(slug: string): number {
  return (env.db.$client.prepare('select id from sections where slug = ?').get(slug) as { id: number }).id;
}
function insertArticle(a: { title: string; body: string; status?: string; at: number; section?: string }): number {
  const info = env.db.$client
    .prepare(`insert into articles (section_id, title, summary, body, status, published_at, created_at, updated_at)
      values (?, ?, '', ?, ?, ?, ?, ?)`)
    .run(sectionId(a.section ?? 'longquan'), a.title, a.body, a.status ?? 'published', a.at, a.at, a.at);
  return Number(info.lastInsertRowid);
}

describe('Chinese, English and numbers', () => {
  it('finds a 1-character query wherever the character stands', async () => {
    expect(await keys('桥')).toEqual(['lq-bridge']);
    expect(new Set(await keys('龙'))).toEqual(new Set(['lq-metro', 'lq-peach', 'lq-peach2', 'lq-library', 'lq-dragonboat', 'lq-auto', 'lq-business', 'lq-forest']));
  });

  it('finds a 2-character query inside longer names (龙泉 in 龙泉驿区 and 龙泉山)', async () => {
    const found = await keys('龙泉');
    expect(new Set(found)).toEqual(new Set(['lq-metro', 'lq-peach', 'lq-peach2', 'lq-library', 'lq-business', 'lq-forest']));
    expect(found).not.toContain('lq-dragonboat');
  });

  it('finds English acronyms in any case and width, but not inside other words', async () => {
    expect(await keys('APEC')).toEqual(['in-apec']);
    expect(new Set(await keys('gdp'))).toEqual(new Set(['dm-gdp', 'dm-gdp-sichuan', 'dm-gdp-lower']));
    expect(await keys('AI')).toEqual(['dm-ai']); // not "Taipei"
    expect(new Set(await keys('5G'))).toEqual(new Set(['lq-peach', 'dm-5g'])); // not "15G"
  });

  it('finds numbers and numbers with units', async () => {
    expect(await keys('12345')).toEqual(['lq-hotline']);
    expect(await keys('2020年')).toEqual(['dm-5g']);
    expect(await keys('地铁18号线')).toEqual(['lq-metro']);
  });

  it('treats a quoted phrase as adjacent words and spaced words as all required', async () => {
    expect(await keys('"GDP 增长"')).toEqual(['dm-gdp']);
    expect(new Set(await keys('乡村 振兴'))).toEqual(new Set(['lq-peach2', 'dm-rural', 'dm-rural2']));
    expect(new Set(await keys('"乡村振兴"'))).toEqual(new Set(['lq-peach2', 'dm-rural']));
  });
});

describe('input that is FTS5 syntax or too long', () => {
  // Every article with 龙泉 in it (as in the 2-character test above).
  const LONGQUAN = ['lq-metro', 'lq-peach', 'lq-peach2', 'lq-library', 'lq-business', 'lq-forest'];
  // What each input finds: the articles its words name (syntax characters are dropped; FTS5
  // keywords and column names are plain words no article has), or null when nothing in it is
  // searchable (the empty state).
  const nasty: Array<[string, string[] | null]> = [
    ['"', null],
    ['"""', null],
    ['龙泉"', LONGQUAN],
    ['"龙泉', LONGQUAN],
    ['*', null],
    ['龙泉*', LONGQUAN],
    ['AND(', []],
    ['AND', []],
    ['NEAR(龙泉 桃花节)', []],
    ['-龙泉', LONGQUAN],
    ['龙泉 -桃花节', ['lq-peach']],
    ['body:龙泉', []],
    ['{body}:龙泉', []],
    ['^龙泉', LONGQUAN],
    ['(龙泉', LONGQUAN],
    ['龙泉)', LONGQUAN],
    ['OR', []],
    ['NOT 龙泉', []],
    ["'; drop table articles; --", []],
    ['\\', null],
    ['%', null],
    ['_', null],
    ['+', null],
    ['龙泉 +', LONGQUAN],
    ['\u0000', null],
    ['🐉龙泉', LONGQUAN],
  ];
  it.each(nasty)('answers %j with exactly the articles its words name', async (q, expected) => {
    const result = await search(q);
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect(result!.total).toBe(expected.length);
    expect(new Set(result!.hits.map((h) => keyOf.get(h.id) ?? `#${h.id}`))).toEqual(new Set(expected));
  });

  it('reads operators as words, not syntax', async () => {
    expect(new Set(await keys('-龙泉'))).toEqual(new Set(await keys('龙泉')));
    expect(await keys('NEAR(龙泉 桃花节)')).toEqual([]); // "near" is a word no article has
    expect(await keys('龙泉* 桃花节')).toEqual(['lq-peach']);
  });

  it('cuts a query longer than 100 characters instead of failing', async () => {
    const long = '龙泉'.repeat(80);
    const parsed = parseQuery(long)!;
    expect([...parsed.text].length).toBe(MAX_QUERY_LENGTH);
    await expect(searchArticles(parsed)).resolves.toMatchObject({ total: 0 });
  });

  it('has no query for empty or punctuation-only input (the empty state)', () => {
    for (const q of ['', '   ', '""', '***', '，。！', '-:^()']) expect(parseQuery(q)).toBeNull();
  });
});

describe('what readers may see', () => {
  it('never shows drafts, withdrawn or not-yet-due articles publicly; staff search finds them', async () => {
    expect(await keys('机密草稿词')).toEqual([]);
    expect(await keys('撤稿测试词')).toEqual([]);
    expect(await keys('未来预告词')).toEqual([]);
    expect(await keys('未来预告词', {}, new Date('2099-01-02T00:00:00Z'))).toEqual(['scheduled']);
    expect(await searchArticleIdsForStaff('机密草稿词')).toEqual([idOf.get('draft')]);
    expect(await searchArticleIdsForStaff('撤稿测试词')).toEqual([idOf.get('withdrawn')]);
    expect(await searchArticleIdsForStaff('  ')).toBeNull();
  });

  it('drops a withdrawn article at once and follows edits and deletion', async () => {
    const id = insertArticle({ title: '临时测试稿件', body: '<p>独有词甲乙丙</p>', at: Date.now() - 60_000 });
    expect((await search('甲乙丙'))!.hits.map((h) => h.id)).toEqual([id]);

    env.db.$client.prepare(`update articles set status = 'withdrawn' where id = ?`).run(id);
    expect((await search('甲乙丙'))!.total).toBe(0);
    env.db.$client.prepare(`update articles set status = 'published' where id = ?`).run(id);
    expect((await search('甲乙丙'))!.total).toBe(1);

    env.db.$client.prepare(`update articles set body = ? where id = ?`).run('<p>改写后的丁戊己</p>', id);
    expect((await search('甲乙丙'))!.total).toBe(0);
    expect((await search('丁戊己'))!.hits.map((h) => h.id)).toEqual([id]);

    env.db.$client.prepare('delete from articles where id = ?').run(id);
    expect((await search('丁戊己'))!.total).toBe(0);
    expect(await searchArticleIdsForStaff('丁戊己')).toEqual([]);
  });

  it('leaves the index untouched when a failed write rolls back', async () => {
    const id = insertArticle({ title: '回滚测试', body: '<p>回滚前的庚辛</p>', at: Date.now() - 60_000 });
    expect(() =>
      env.db.$client.transaction(() => {
        env.db.$client.prepare('update articles set body = ? where id = ?').run('<p>回滚后的壬癸</p>', id);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect((await search('庚辛'))!.total).toBe(1);
    expect((await search('壬癸'))!.total).toBe(0);
  });
});

describe('ranking', () => {
  it('puts title matches above body matches, newest first within each', async () => {
    // in-un (2024-09-24) has 世界 only in its body; dm-ai (2024-07-06) in its title.
    const rel = await keys('世界');
    expect(rel[0]).toBe('dm-ai');
    expect(rel.indexOf('in-un')).toBeGreaterThan(0);
    const byDate = await keys('世界', { sort: 'date' });
    expect(byDate[0]).toBe('in-un');
    const dates = (await search('世界', { sort: 'date' }))!.hits.map((h) => h.publishedAt.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('returns the article whose title is exactly the query first', async () => {
    const older = insertArticle({ title: '区政府召开常务会议', body: '<p>会议内容。</p>', at: Date.parse('2020-01-01T09:00:00+08:00') });
    const newer = insertArticle({ title: '区政府召开常务会议研究部署工作', body: '<p>区政府召开常务会议。</p>', at: Date.now() - 60_000 });
    const hits = (await search('区政府召开常务会议'))!.hits.map((h) => h.id);
    expect(hits.slice(0, 2)).toEqual([older, newer]);
    const seedTitle = '何勋主持召开区委常委会会议,研究当前全区疫情防控和经济社会发展工作';
    expect(keyOf.get((await search(seedTitle))!.hits[0]!.id)).toBe('seed');
  });
});

/** The title and snippet of a hit as the results list renders them (the HTML a reader gets). */
function shown(hit: SearchHit): { titleHtml: string; snippetHtml: string } {
  const html = renderToStaticMarkup(createElement(SearchResults, { hits: [hit] }));
  const title = /<h2[^>]*><a [^>]*>(.*?)<\/a><\/h2>/.exec(html)?.[1];
  const snippet = /<\/h2><p [^>]*>(.*?)<\/p>/.exec(html)?.[1];
  if (title === undefined || snippet === undefined) throw new Error(`unexpected markup: ${html}`);
  return { titleHtml: title, snippetHtml: snippet };
}

describe('highlighting', () => {
  it('marks the matched terms in title and snippet', async () => {
    const hit = shown((await search('桃花节'))!.hits[0]!);
    expect(hit.titleHtml).toBe('第四十届龙泉山<mark>桃花节</mark>开幕');
    expect(hit.snippetHtml).toContain('<mark>桃花节</mark>');
    const one = shown((await search('桥'))!.hits[0]!);
    expect(one.titleHtml).toBe('驿马河新<mark>桥</mark>建成通车');
    expect(one.snippetHtml).toContain('<mark>桥</mark>梁');
    const mixed = shown((await search('gdp 增长'))!.hits.find((h) => keyOf.get(h.id) === 'dm-gdp-sichuan')!);
    expect(mixed.snippetHtml).toContain('<mark>ＧＤＰ</mark>');
  });

  it('escapes article text and the query: no markup gets through', async () => {
    const id = insertArticle({
      title: '<script>alert(1)</script>标题注入测试',
      body: '<p>正文里写着 &lt;img src=x onerror=alert(2)&gt; 注入测试。</p>',
      at: Date.now() - 60_000,
    });
    const hit = shown((await search('注入测试'))!.hits.find((h) => h.id === id)!);
    expect(hit.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;标题<mark>注入测试</mark>');
    expect(hit.snippetHtml).toContain('&lt;img src=x onerror=alert(2)&gt; <mark>注入测试</mark>');
    const tagged = shown((await search('<script>'))!.hits.find((h) => h.id === id)!);
    expect(tagged.titleHtml).toBe('&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;标题注入测试');
    for (const html of [hit.snippetHtml, tagged.titleHtml, tagged.snippetHtml]) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('pagination and filters', () => {
  beforeAll(() => {
    const base = Date.parse('2019-06-01T09:00:00+08:00');
    for (let i = 0; i < 45; i++) insertArticle({ title: `分页测试稿件第${i + 1}篇`, body: '<p>分页测试</p>', at: base + i * 86_400_000 });
  });

  it('pages through every match once, 20 at a time, with the total', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await search('分页测试', { page, pageSize: 20, sort: 'date' }))!);
    expect(pages.map((p) => p.total)).toEqual([45, 45, 45]);
    expect(pages.map((p) => p.hits.length)).toEqual([20, 20, 5]);
    const ids = pages.flatMap((p) => p.hits.map((h) => h.id));
    expect(new Set(ids).size).toBe(45);
    expect(pages[0]!.hits[0]!.title).toBe('分页测试稿件第45篇');
    const past = (await search('分页测试', { page: 4, pageSize: 20 }))!;
    expect(past).toMatchObject({ total: 45, hits: [] });
  });

  it('filters by section (with its descendants) and by Shanghai calendar days', async () => {
    expect(new Set(await keys('增长', { sectionIds: [sectionId('domestic')] }))).toEqual(
      new Set(['dm-gdp', 'dm-gdp-sichuan', 'dm-5g']),
    );
    expect(await keys('增长', { sectionIds: [sectionId('international')] })).toEqual(['in-apec']);
    // dm-gdp: 2024-01-17 09:00 in Shanghai.
    expect(await keys('GDP增长', { from: '2024-01-17', to: '2024-01-17' })).toEqual(['dm-gdp']);
    expect(await keys('GDP增长', { to: '2024-01-16' })).toEqual([]);
    expect(await keys('GDP增长', { from: '2024-01-18' })).toEqual([]);
    // 00:30 in Shanghai is the previous day in UTC: it still belongs to its Shanghai day.
    const id = insertArticle({ title: '凌晨发布时区测试', body: '<p>时区测试</p>', at: Date.parse('2024-03-05T00:30:00+08:00') });
    expect((await search('时区测试', { from: '2024-03-05', to: '2024-03-05' }))!.hits.map((h) => h.id)).toEqual([id]);
    expect((await search('时区测试', { to: '2024-03-04' }))!.total).toBe(0);
  });

  it('ignores bad filter values instead of failing', () => {
    const p = parseSearchParams({ q: ' 龙泉 ', section: '../etc', from: '2024-02-30', to: 'yesterday', sort: 'best', page: '-1' });
    expect(p).toMatchObject({ q: '龙泉', section: null, from: null, to: null, sort: 'relevance', page: 1 });
    expect(new Set(p.ignored)).toEqual(new Set(['section', 'from', 'to', 'sort', 'page']));
    expect(parseSearchParams({ q: ['a', 'b'], from: '2024-05-01', to: '2024-04-01' })).toMatchObject({ q: 'a', from: '2024-04-01', to: '2024-05-01' });
  });
});

describe('page selection agrees with a plain sort of every match', () => {
  // The ranking code picks a page by seeking, by walking a materialised set or by sorting,
  // depending on how common the query is; whichever it picks, pages must equal this reference.
  function reference(q: NonNullable<ReturnType<typeof parseQuery>>, sort: 'relevance' | 'date', now: number): number[] {
    const sqlite = env.db.$client;
    const ids = (sqlite.prepare('select rowid as id from search_fts where search_fts match ?').all(q.match) as Array<{ id: number }>).map((r) => r.id);
    const set = (expr: string | null) =>
      new Set(expr ? (sqlite.prepare('select rowid as id from search_title_fts where search_title_fts match ?').all(expr) as Array<{ id: number }>).map((r) => r.id) : []);
    const exact = set(q.exactTitle);
    const title = set(q.titleMatch);
    const docs = ids
      .map((id) => sqlite.prepare('select id, is_public, published_at from search_docs where id = ?').get(id) as { id: number; is_public: number; published_at: number | null })
      .filter((d) => d.is_public === 1 && d.published_at !== null && d.published_at <= now);
    const tier = (id: number) => (sort === 'date' ? 0 : (exact.has(id) ? 2 : 0) + (title.has(id) ? 1 : 0));
    return docs.sort((a, b) => tier(b.id) - tier(a.id) || b.published_at! - a.published_at! || b.id - a.id).map((d) => d.id);
  }

  it.each(['龙泉', '龙', '东安湖', '世界', '增长', '分页测试', '工作', '社区', '区政府召开常务会议', '年', '5G', '乡村 振兴'])('%s', async (text) => {
    const q = parseQuery(text)!;
    const now = new Date();
    for (const sort of ['relevance', 'date'] as const) {
      const expected = reference(q, sort, now.getTime());
      for (const pageSize of [3, 7, 20]) {
        const got: number[] = [];
        for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page++) {
          const result = await searchArticles(q, { sort, page, pageSize }, now);
          expect(result.total).toBe(expected.length);
          got.push(...result.hits.map((h) => h.id));
        }
        expect(got, `${text} ${sort} ${pageSize}`).toEqual(expected);
      }
    }
  });
});
