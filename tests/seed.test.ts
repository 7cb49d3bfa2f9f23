import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSeedArticle, splitNames } from '@/lib/seed/parse-seed-article';
import { SEED_FILE, seedDatabase } from '@/lib/seed/seed-database';
import { htmlToText } from '@/lib/html';
import { useTestDatabase } from './helpers/test-db';

const seedText = fs.readFileSync(SEED_FILE, 'utf8');

describe('parseSeedArticle', () => {
  const parsed = parseSeedArticle(seedText);

  it('reads the breadcrumb, title, date and source', () => {
    expect(parsed.sectionTrail).toEqual(['新闻', '龙泉新闻']);
    expect(parsed.title).toBe('何勋主持召开区委常委会会议,研究当前全区疫情防控和经济社会发展工作');
    expect(parsed.publishedDay).toBe('2020-02-24');
    expect(parsed.source).toBe('原创');
  });

  it('keeps the six body paragraphs verbatim and moves the byline out', () => {
    expect(parsed.paragraphs).toHaveLength(6);
    expect(parsed.paragraphs[0]).toMatch(/^2月22日,区委书记/);
    expect(parsed.paragraphs[5]).toMatch(/尽快策划一批重大项目。$/);
    expect(parsed.byline).toEqual(['张杰', '廖玉蓉']);
    for (const p of parsed.paragraphs) expect(seedText).toContain(p);
  });

  it('drops the page furniture', () => {
    const all = parsed.paragraphs.join('\n');
    for (const furniture of ['当前位置', '信息中心', '周热点', '+更多']) expect(all).not.toContain(furniture);
  });

  it('splits runs of names at surnames', () => {
    expect(splitNames('张杰廖玉蓉')).toEqual(['张杰', '廖玉蓉']);
    expect(splitNames('王小明 李华')).toEqual(['王小明', '李华']);
  });
});

describe('seedDatabase', () => {
  const now = new Date('2026-11-29T04:00:00Z');
  const { db, cleanup } = useTestDatabase({ articles: 120, now });
  afterAll(cleanup);
  const sqlite = db.$client;

  it('stores the seed article under 新闻 › 龙泉新闻 with its paragraphs and byline', () => {
    const row = sqlite
      .prepare(
        `select a.*, s.slug, p.name as parent from articles a join sections s on s.id = a.section_id
         left join sections p on p.id = s.parent_id where a.title like '何勋主持%'`,
      )
      .get() as { body: string; byline: string; source: string; slug: string; parent: string; published_at: number; status: string };
    expect(row.slug).toBe('longquan');
    expect(row.parent).toBe('新闻');
    expect(row.source).toBe('原创');
    expect(row.status).toBe('published');
    expect(JSON.parse(row.byline)).toEqual(['张杰', '廖玉蓉']);
    expect(new Date(row.published_at).toISOString()).toBe('2020-02-24T01:00:00.000Z');
    expect(htmlToText(row.body).split('\n')).toEqual(parseSeedArticle(seedText).paragraphs);
  });

  it('is idempotent and deterministic', () => {
    const snapshot = () => sqlite.prepare('select id, title, body, published_at from articles order by id').all();
    const before = snapshot();
    const views = sqlite.prepare('select sum(count) as n from article_views_daily').get();
    seedDatabase(db, { articles: 120, now });
    expect(snapshot()).toEqual(before);
    expect(sqlite.prepare('select sum(count) as n from article_views_daily').get()).toEqual(views);
  });

  it('spreads the corpus over the sections and several years, with recent views', () => {
    const perSection = sqlite.prepare('select count(distinct section_id) as n from articles').get() as { n: number };
    expect(perSection.n).toBeGreaterThanOrEqual(5);
    const span = sqlite.prepare('select min(published_at) as lo, max(published_at) as hi from articles').get() as { lo: number; hi: number };
    expect(span.hi - span.lo).toBeGreaterThan(3 * 365 * 86_400_000);
    const days = sqlite.prepare('select count(distinct day) as n from article_views_daily').get() as { n: number };
    expect(days.n).toBeGreaterThanOrEqual(7);
  });

  it('extends the corpus when asked for more, keeping what exists', () => {
    const first = sqlite.prepare('select title from articles order by id limit 5').all();
    seedDatabase(db, { articles: 150, now });
    expect((sqlite.prepare('select count(*) as n from articles').get() as { n: number }).n).toBe(151);
    expect(sqlite.prepare('select title from articles order by id limit 5').all()).toEqual(first);
  });
});
