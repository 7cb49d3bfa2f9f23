import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import { visibleAt } from '../visibility';
import { PAGE_SIZE } from './articles';
import { pinActiveAt } from './entry-rules';

/** Whether the slug names a section, and whether its list (20 a page) has page `page`. */
export type SectionRoute = { exists: boolean; hasPage: boolean };

/**
 * What the front door (lib/http/front-door.ts) needs before a section list reaches the ISR
 * cache. Page 1 of a real section always exists (possibly empty); page N asks whether the list
 * (the section and everything below it, plus what article_sections lists there) holds more
 * than (N − 1) × 20 articles readers can see besides its 置顶 entries, which page 1 shows on top
 * of its 20 (db/queries/section-list.ts counts the same way). The home sections' rows are
 * walked along articles_section_public_idx no further than that: a count of the whole list
 * cost a few milliseconds per request on a section of 20,000 articles. The cross-listed and the
 * pinned rows are few and read from their own indexes. Synchronous, like every better-sqlite3
 * read.
 */
export function sectionRoute(slug: string, page = 1, now = Date.now()): SectionRoute {
  if (page <= 1) {
    const row = getDb().get<{ id: number }>(sql`select id from sections where slug = ${slug}`);
    return { exists: row !== undefined, hasPage: row !== undefined };
  }
  const before = (page - 1) * PAGE_SIZE;
  const row = getDb().get<{ sections: number; seen: number; listed: number }>(sql`
    with recursive tree(id) as (
      select id from sections where slug = ${slug}
      union all
      select s.id from sections s join tree t on s.parent_id = t.id
    ),
    pins(id) as (
      select p.id from articles p where p.pinned = 1 and p.section_id in (select id from tree)
        and ${pinActiveAt(now, 'p')} and ${visibleAt(now, 'p')}
      union
      select q.id from article_sections x join articles q on q.id = x.article_id
        where x.section_id in (select id from tree) and ${pinActiveAt(now, 'q')} and ${visibleAt(now, 'q')}
    )
    select (select count(*) from tree) as sections,
           (select count(*) from (select 1 from articles a
             where a.section_id in (select id from tree) and ${visibleAt(now, 'a')} and a.id not in (select id from pins)
             limit ${before + 1})) as seen,
           (select count(distinct y.article_id) from article_sections y join articles b on b.id = y.article_id
             where y.section_id in (select id from tree) and b.section_id not in (select id from tree)
               and ${visibleAt(now, 'b')} and b.id not in (select id from pins)) as listed`);
  const exists = (row?.sections ?? 0) > 0;
  return { exists, hasPage: exists && (row?.seen ?? 0) + (row?.listed ?? 0) > before };
}
