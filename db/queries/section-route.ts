import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import { visibleAt } from '../visibility';
import { PAGE_SIZE } from './articles';

/** Whether the slug names a section, and whether its list (20 a page) has page `page`. */
export type SectionRoute = { exists: boolean; hasPage: boolean };

/**
 * What the front door (lib/http/front-door.ts) needs before a section list reaches the ISR
 * cache. Page 1 of a real section always exists (possibly empty); page N asks whether the list
 * (the section and everything below it) holds more than (N − 1) × 20 articles readers can see,
 * walking articles_section_public_idx no further than that: a count of the whole list cost a
 * few milliseconds per request on a section of 20,000 articles. Synchronous, like every
 * better-sqlite3 read.
 */
export function sectionRoute(slug: string, page = 1, now = Date.now()): SectionRoute {
  if (page <= 1) {
    const row = getDb().get<{ id: number }>(sql`select id from sections where slug = ${slug}`);
    return { exists: row !== undefined, hasPage: row !== undefined };
  }
  const before = (page - 1) * PAGE_SIZE;
  const row = getDb().get<{ sections: number; seen: number }>(sql`
    with recursive tree(id) as (
      select id from sections where slug = ${slug}
      union all
      select s.id from sections s join tree t on s.parent_id = t.id
    )
    select (select count(*) from tree) as sections,
           (select count(*) from (select 1 from articles a
             where a.section_id in (select id from tree) and ${visibleAt(now, 'a')}
             limit ${before + 1})) as seen`);
  const exists = (row?.sections ?? 0) > 0;
  return { exists, hasPage: exists && (row?.seen ?? 0) > before };
}
