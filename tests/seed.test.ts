import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSeedArticle, splitNames } from '@/lib/seed/parse-seed-article';
import { SEED_FILE, seedDatabase } from '@/lib/seed/seed-database';
import { DEMO_EXTERNAL_ENTRY } from '@/lib/seed/editorial-demo';
import { htmlToText } from '@/lib/html';
import { migrateDatabase, openDatabase } from '@/db/client';
import { useTestDatabase } from './helpers/test-db';

const seedText = fs.readFileSync(SEED_FILE, 'utf8');
// The demo covers are stored under DATA_DIR: a folder of this file's own, not the checkout's data/.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-images-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

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

const SNAPSHOT_COLUMNS = `id, title, body, published_at, cover_image, cover_alt, slide, headline_rank, pinned, pin_ends_at,
  recommended, title_color, title_bold, external_url`;

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
    const snapshot = () => sqlite.prepare(`select ${SNAPSHOT_COLUMNS} from articles order by id`).all();
    const before = snapshot();
    const views = sqlite.prepare('select sum(count) as n from article_views_daily').get();
    seedDatabase(db, { articles: 120, now });
    expect(snapshot()).toEqual(before);
    expect(sqlite.prepare('select * from article_sections').all()).toHaveLength(1);
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
    // The seed article, 150 generated ones and the demo external-link entry.
    expect((sqlite.prepare('select count(*) as n from articles').get() as { n: number }).n).toBe(152);
    expect(sqlite.prepare('select title from articles order by id limit 5').all()).toEqual(first);
  });
});

/** A seeded database of its own (not the process's singleton, which the block above holds). */
function seededDatabase(articles: number, now: Date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-'));
  const db = openDatabase(path.join(dir, 'seed.db'));
  migrateDatabase(db);
  seedDatabase(db, { articles, now });
  return {
    db,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('demo content for the editors\' controls', () => {
  const now = new Date('2026-11-29T04:00:00Z');
  const { db, cleanup } = seededDatabase(300, now);
  afterAll(cleanup);
  const sqlite = db.$client;
  const all = <T>(query: string) => sqlite.prepare(query).all() as T[];

  it('gives recent articles generated cover pictures, stored with their WebP variants and a description', () => {
    const covers = all<{ id: number; cover_image: string; cover_alt: string; published_at: number }>(
      'select id, cover_image, cover_alt, published_at from articles where cover_image is not null',
    );
    expect(covers.length).toBeGreaterThanOrEqual(5);
    for (const cover of covers) {
      expect(cover.cover_alt.length).toBeGreaterThan(4);
      expect(now.getTime() - cover.published_at).toBeLessThan(90 * 86_400_000);
      const hash = /\/media\/images\/([0-9a-f]{64})-960\.webp$/.exec(cover.cover_image)?.[1];
      expect(hash, cover.cover_image).toBeDefined();
      const row = sqlite.prepare('select mime, width, height from images where hash = ?').get(hash) as { width: number; height: number };
      expect(row).toMatchObject({ width: 1600, height: 900 });
      for (const width of [480, 960, 1600]) {
        const file = path.join(dataDir, 'images', `${hash}-${width}.webp`);
        expect(fs.statSync(file).size, file).toBeGreaterThan(1000);
      }
    }
  });

  it('flags at least three pictured, visible articles as 幻灯 slides', () => {
    const slides = all<{ id: number }>(
      `select id from articles where slide = 1 and cover_image is not null and status = 'published' and published_at <= ${now.getTime()}`,
    );
    expect(slides.length).toBeGreaterThanOrEqual(3);
  });

  it('sets two 头条, a pin with a future end time, and at least two 推荐', () => {
    expect(all<{ headline_rank: number }>('select headline_rank from articles where headline_rank is not null order by 1')).toEqual([
      { headline_rank: 1 },
      { headline_rank: 2 },
    ]);
    const pins = all<{ pin_ends_at: number | null }>('select pin_ends_at from articles where pinned = 1');
    expect(pins.length).toBeGreaterThanOrEqual(1);
    expect(pins.some((p) => p.pin_ends_at !== null && p.pin_ends_at > now.getTime())).toBe(true);
    expect(all('select id from articles where recommended = 1').length).toBeGreaterThanOrEqual(2);
  });

  it('lists one article in a second section besides its home section', () => {
    const shared = all<{ home: number; also: number }>(
      'select a.section_id as home, s.section_id as also from article_sections s join articles a on a.id = s.article_id',
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]!.also).not.toBe(shared[0]!.home);
  });

  it('adds one external-link entry: a title, a source and a government site URL, no body', () => {
    const entries = all<{ title: string; source: string; body: string; external_url: string; status: string }>(
      'select title, source, body, external_url, status from articles where external_url is not null',
    );
    expect(entries).toEqual([
      { title: DEMO_EXTERNAL_ENTRY.title, source: DEMO_EXTERNAL_ENTRY.source, body: '', external_url: 'https://www.gov.cn/zhengce/', status: 'published' },
    ]);
  });

  it('picks the same articles for the same command on another fresh database', () => {
    const { db: other, cleanup: dropOther } = seededDatabase(300, now);
    try {
      const flags = (d: typeof db) => d.$client.prepare(`select ${SNAPSHOT_COLUMNS} from articles order by id`).all();
      expect(flags(other)).toEqual(flags(db));
      const shared = 'select * from article_sections';
      expect(other.$client.prepare(shared).all()).toEqual(sqlite.prepare(shared).all());
    } finally {
      dropOther();
    }
  });
});
