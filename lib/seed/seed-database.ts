import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '@/db/client';
import { daysBefore, shanghaiDay, startOfShanghaiDay } from '@/lib/time';
import { escapeHtml } from '@/lib/html';
import { generateArticle, rng, type SectionKind } from './corpus';
import { parseSeedArticle } from './parse-seed-article';
import { seedEditorialDemo } from './editorial-demo';
import { bulkIndexArticles } from '@/lib/search/sql-functions';
import { visibleClause } from '@/db/visibility';
import { ownPageClause } from '@/db/queries/entry-rules';
import { seedDemoFiles } from '@/lib/files/demo';

/** The demo section tree. Staff manage sections afterwards; nothing reads this list but the seed. */
const DEMO_SECTIONS: Array<{ slug: string; name: string; parent?: string; kind?: SectionKind; description: string }> = [
  { slug: 'news', name: '新闻', description: '本地、国内与国际新闻。' },
  { slug: 'longquan', name: '龙泉新闻', parent: 'news', kind: 'local', description: '龙泉驿区本地要闻。' },
  { slug: 'domestic', name: '国内新闻', parent: 'news', kind: 'domestic', description: '国内时政与社会新闻。' },
  { slug: 'international', name: '国际新闻', parent: 'news', kind: 'international', description: '国际时事。' },
  { slug: 'info', name: '信息中心', description: '通知公告与政务公开信息。' },
  { slug: 'notices', name: '通知公告', parent: 'info', kind: 'notice', description: '各部门通知与公告。' },
  { slug: 'open-government', name: '政务公开', parent: 'info', kind: 'government', description: '政府信息公开。' },
];

export const SEED_FILE = path.resolve(process.cwd(), 'db/fixtures/seed-article.txt');
export const DEFAULT_DEMO_ARTICLES = 400;

export type SeedOptions = { articles?: number; now?: Date; log?: (line: string) => void };

export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

function meta(db: DB, key: string): string | undefined {
  const row = db.$client.prepare('select value from site_meta where key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

function setMeta(db: DB, key: string, value: string): void {
  db.$client
    .prepare('insert into site_meta (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
    .run(key, value);
}

/**
 * Deterministic, idempotent demo content: sections, the seed article, a generated corpus of
 * `articles` items and synthetic view counts for the last three weeks. Running it again adds
 * only what is missing. Raw prepared statements keep 100,000 articles well under a minute.
 */
export function seedDatabase(db: DB, options: SeedOptions = {}): { sections: number; articles: number } {
  const sqlite = db.$client;
  const target = options.articles ?? DEFAULT_DEMO_ARTICLES;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});

  const sectionIds = new Map<string, number>();
  const kinds = new Map<number, SectionKind>();
  sqlite.transaction(() => {
    const find = sqlite.prepare('select id from sections where slug = ?');
    const insert = sqlite.prepare(
      'insert into sections (parent_id, slug, name, sort_order, description) values (?, ?, ?, ?, ?)',
    );
    DEMO_SECTIONS.forEach((s, order) => {
      let row = find.get(s.slug) as { id: number } | undefined;
      if (!row) {
        const parentId = s.parent ? (sectionIds.get(s.parent) ?? null) : null;
        const info = insert.run(parentId, s.slug, s.name, order, s.description);
        row = { id: Number(info.lastInsertRowid) };
      }
      sectionIds.set(s.slug, row.id);
      if (s.kind) kinds.set(row.id, s.kind);
    });
  })();

  const insertArticle = sqlite.prepare(`insert into articles
    (section_id, title, subtitle, summary, body, source, byline, responsible_editor, status, published_at, created_at, updated_at)
    values (@sectionId, @title, null, @summary, @body, @source, @byline, @editor, 'published', @publishedAt, @publishedAt, @publishedAt)`);

  // 1. The article the portal started from, parsed from the saved page.
  if (!meta(db, 'seed.article')) {
    const parsed = parseSeedArticle(fs.readFileSync(SEED_FILE, 'utf8'));
    const sectionSlug = DEMO_SECTIONS.find((s) => s.name === parsed.sectionTrail.at(-1))?.slug ?? 'longquan';
    const publishedAt = Date.parse(`${parsed.publishedDay}T09:00:00+08:00`);
    sqlite.transaction(() => {
      const info = insertArticle.run({
        sectionId: sectionIds.get(sectionSlug)!,
        title: parsed.title,
        summary: parsed.paragraphs[0]!.slice(0, 100),
        body: paragraphsToHtml(parsed.paragraphs),
        source: parsed.source,
        byline: JSON.stringify(parsed.byline),
        editor: null,
        publishedAt,
      });
      setMeta(db, 'seed.article', String(info.lastInsertRowid));
    })();
    log(`seed article: ${parsed.title}`);
  }

  // 2. The generated corpus, article i always the same text and date.
  const done = Number(meta(db, 'seed.corpus') ?? '0');
  const leafIds = [...kinds.keys()];
  if (done < target) {
    // Spread over ~5 years back from 08:00 today, newest first, so lists look alive on day one.
    const end = startOfShanghaiDay(shanghaiDay(now)).getTime() + 8 * 3_600_000;
    const span = 5 * 365 * 86_400_000;
    const step = Math.max(60_000, Math.floor(span / Math.max(target, 1)));
    const chunk = 5000;
    for (let start = done; start < target; start += chunk) {
      // One index write per chunk instead of one per row (see bulkIndexArticles).
      bulkIndexArticles(sqlite, () => {
        for (let i = start; i < Math.min(target, start + chunk); i++) {
          const r = rng(i + 1);
          const sectionId = leafIds[Math.floor(r() * leafIds.length)]!;
          const a = generateArticle(i, kinds.get(sectionId)!);
          insertArticle.run({
            sectionId,
            title: a.title,
            summary: a.summary,
            body: paragraphsToHtml(a.paragraphs),
            source: a.source,
            byline: JSON.stringify(a.byline),
            editor: a.responsibleEditor,
            publishedAt: end - i * step - Math.floor(r() * step),
          });
        }
        setMeta(db, 'seed.corpus', String(Math.min(target, start + chunk)));
      });
    }
    log(`generated articles: ${target - done}`);
  }

  // 3. The editors' controls on show: covers, slides, 头条, 置顶, 推荐, 一稿多发, an external entry.
  seedEditorialDemo({ db, now, sectionIds, log, meta: (key) => meta(db, key), setMeta: (key, value) => setMeta(db, key, value) });

  // 4. Synthetic daily views for the last 21 days over the newest 200 articles, so 周热点 is alive.
  const today = shanghaiDay(now);
  const recent = sqlite
    // External-link entries have no page of ours to be viewed on.
    .prepare(`select id from articles where ${visibleClause()} and ${ownPageClause()} order by published_at desc limit 200`)
    .all({ now: now.getTime() }) as Array<{ id: number }>;
  const addViews = sqlite.prepare(
    'insert into article_views_daily (article_id, day, count) values (?, ?, ?) on conflict(day, article_id) do nothing',
  );
  sqlite.transaction(() => {
    for (let d = 0; d < 21; d++) {
      const day = daysBefore(today, d);
      recent.forEach(({ id }, rank) => {
        const r = rng(id * 31 + d);
        if (r() < 0.35) return;
        addViews.run(id, day, Math.floor((2000 / (rank + 3)) * (0.5 + r())) + 1);
      });
    }
  })();

  // 5. A PDF attachment and a short captioned video on two public articles.
  seedDemoFiles(db, now);

  const counts = sqlite.prepare('select (select count(*) from sections) s, (select count(*) from articles) a').get() as {
    s: number;
    a: number;
  };
  return { sections: counts.s, articles: counts.a };
}
