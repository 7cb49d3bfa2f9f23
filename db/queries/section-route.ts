import { sql } from 'drizzle-orm';
import { getDb } from '../client';

export type SectionRoute = { exists: boolean; visibleArticles: number };

/**
 * What the proxy needs before a section list reaches the ISR cache: whether the slug names a
 * section, and how many articles its list (the section and everything below it) holds for readers,
 * counted along articles_section_public_idx. Synchronous, like every better-sqlite3 read.
 */
export function sectionRoute(slug: string, now = Date.now()): SectionRoute {
  const row = getDb().get<{ sections: number; total: number }>(sql`
    with recursive tree(id) as (
      select id from sections where slug = ${slug}
      union all
      select s.id from sections s join tree t on s.parent_id = t.id
    )
    select (select count(*) from tree) as sections,
           (select count(*) from articles a
             where a.section_id in (select id from tree) and a.is_public = 1 and a.published_at <= ${now}) as total`);
  return { exists: (row?.sections ?? 0) > 0, visibleArticles: row?.total ?? 0 };
}
