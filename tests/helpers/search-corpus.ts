import type { DB } from '@/db/client';
import { paragraphsToHtml } from '@/lib/seed/seed-database';

export type FixtureArticle = {
  key: string;
  section: string;
  day: string;
  status?: 'draft' | 'scheduled' | 'withdrawn' | 'published';
  title: string;
  summary: string;
  body: string[];
};
export type QuerySet = { corpus: FixtureArticle[]; queries: Array<{ q: string; expect: string[]; note?: string }> };

/**
 * Inserts the search fixture corpus with plain SQL (the triggers index it, as they would any
 * writer's rows) and returns article id → key, the seed article as 'seed'.
 */
export function insertFixtureCorpus(db: DB, corpus: FixtureArticle[]): Map<number, string> {
  const sqlite = db.$client;
  const keyOf = new Map<number, string>();
  const seed = sqlite.prepare(`select value from site_meta where key = 'seed.article'`).get() as { value: string } | undefined;
  if (seed) keyOf.set(Number(seed.value), 'seed');
  const sectionId = sqlite.prepare('select id from sections where slug = ?');
  const insert = sqlite.prepare(`insert into articles (section_id, title, summary, body, status, published_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (const a of corpus) {
      const section = sectionId.get(a.section) as { id: number } | undefined;
      if (!section) throw new Error(`unknown section ${a.section}`);
      const at = Date.parse(`${a.day}T09:00:00+08:00`);
      const status = a.status ?? 'published';
      const info = insert.run(section.id, a.title, a.summary, paragraphsToHtml(a.body), status, status === 'draft' ? null : at, at, at);
      keyOf.set(Number(info.lastInsertRowid), a.key);
    }
  })();
  return keyOf;
}
