import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../client';
import { articleSections, articles, sections } from '../schema';
import { visibleAt } from '../visibility';
import { type ArticleListItem, asListItems, countSectionArticles, listColumns, listSectionArticles, PAGE_SIZE } from './articles';
import { pinActiveAt } from './entry-rules';

/** What one page of a section list shows: the 置顶 entries (page 1 only), then the page. */
export type SectionListPage = { pinned: ArticleListItem[]; items: ArticleListItem[]; totalPages: number };

/**
 * The 置顶 entries of a list: pinned now, visible, and in one of the sections (their home
 * section, or listed there through article_sections), heaviest first, then newest. Both reads
 * start from an index of the few flagged or cross-listed rows (articles_pinned_idx,
 * article_sections_section_idx), never from the section's whole list.
 */
export async function pinnedSectionArticles(sectionIds: number[], now = new Date()): Promise<ArticleListItem[]> {
  const db = getDb();
  // The flags' own indexes are reached through `id in (…)`: given the visibility condition
  // beside them, SQLite preferred walking every public article (220 ms at 100,000 articles).
  const [home, listed] = await Promise.all([
    db
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          inArray(
            articles.id,
            db.select({ id: articles.id }).from(articles).where(and(eq(articles.pinned, true), inArray(articles.sectionId, sectionIds))),
          ),
          pinActiveAt(now),
          visibleAt(now),
        ),
      ),
    db
      .select({ id: articles.id })
      .from(articleSections)
      .innerJoin(articles, eq(articles.id, articleSections.articleId))
      .where(and(inArray(articleSections.sectionId, sectionIds), pinActiveAt(now), visibleAt(now))),
  ]);
  const ids = [...new Set([...home, ...listed].map((r) => r.id))];
  if (ids.length === 0) return [];
  const rows = await db
    .select(listColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids))
    .orderBy(desc(articles.sortWeight), desc(articles.publishedAt), desc(articles.id));
  return asListItems(rows);
}

/**
 * Page `page` of a section list (the section and everything below it). 置顶 entries come first
 * on page 1, on top of its 20 newest, and are left out of the newest-first list on every page,
 * so no entry shows twice and pages 2+ hold 20 each. db/queries/section-route.ts answers
 * "does page N exist" by the same count (everything listed, less the 置顶 entries).
 */
export async function sectionListPage(sectionIds: number[], page: number, now = new Date()): Promise<SectionListPage> {
  const pinned = await pinnedSectionArticles(sectionIds, now);
  const pinnedIds = pinned.map((p) => p.id);
  const [items, total] = await Promise.all([
    listSectionArticles(sectionIds, page, PAGE_SIZE, now, pinnedIds),
    countSectionArticles(sectionIds, now),
  ]);
  const totalPages = Math.max(1, Math.ceil((total - pinned.length) / PAGE_SIZE));
  return { pinned: page === 1 ? pinned : [], items, totalPages };
}
