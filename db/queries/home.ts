import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '../client';
import { articles, sections, type Section } from '../schema';
import { visibleAt } from '../visibility';
import { type ArticleListItem, asListItems, listColumns, listSectionArticles } from './articles';
import { getDescendantIds, getSectionTree } from './sections';

export type HomeBlock = { section: Section; items: ArticleListItem[] };
export type HomePage = {
  topStory?: ArticleListItem;
  topList: ArticleListItem[];
  /** 推荐: the editors' picks, heaviest first, then newest. */
  recommended: ArticleListItem[];
  blocks: HomeBlock[];
};

const BLOCK_ITEMS = 6;
const LEAD_ITEMS = 7;
const RECOMMENDED_ITEMS = 8;

/**
 * 头条 set by the editors: visible articles with a rank, lowest first. The ranked few are found
 * along articles_headline_idx through `id in (…)`: beside the visibility condition SQLite chose
 * to walk every public article instead (220 ms at 100,000 articles).
 */
async function headlines(now: Date): Promise<ArticleListItem[]> {
  const rows = await getDb()
    .select(listColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        inArray(articles.id, getDb().select({ id: articles.id }).from(articles).where(isNotNull(articles.headlineRank))),
        visibleAt(now),
      ),
    )
    .orderBy(asc(articles.headlineRank), desc(articles.publishedAt), desc(articles.id))
    .limit(LEAD_ITEMS);
  return asListItems(rows);
}

/** 推荐: visible articles flagged recommended, by sort weight, then newest. */
async function recommendedArticles(now: Date): Promise<ArticleListItem[]> {
  const rows = await getDb()
    .select(listColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    // The flagged few through articles_recommended_idx, as for 头条: beside the visibility
    // condition SQLite otherwise walks every public article (140 ms at 100,000).
    .where(and(inArray(articles.id, getDb().select({ id: articles.id }).from(articles).where(eq(articles.recommended, true))), visibleAt(now)))
    .orderBy(desc(articles.sortWeight), desc(articles.publishedAt), desc(articles.id))
    .limit(RECOMMENDED_ITEMS);
  return asListItems(rows);
}

/**
 * The home page: the editors' 头条 (the first is the big lead, the others listed beneath it),
 * filled up with the newest of the first top-level section; with no 头条 set, that newest article
 * leads. Then 推荐, and the latest of every leaf section, in navigation order.
 */
export async function getHomePage(now = new Date()): Promise<HomePage> {
  const tree = await getSectionTree();
  // The editors' 头条 come first; the lead box is filled up with the newest of the first
  // top-level section, so a story filed there (not in a sub-section with a block of its own)
  // still reaches the home page, and an empty 头条 list falls back to today's newest.
  const ranked = await headlines(now);
  const first = tree[0];
  const newest = first ? await listSectionArticles(await getDescendantIds(first.id), 1, LEAD_ITEMS, now) : [];
  const shown = new Set(ranked.map((a) => a.id));
  const lead = [...ranked, ...newest.filter((a) => !shown.has(a.id))].slice(0, LEAD_ITEMS);
  const blocks: HomeBlock[] = [];
  for (const root of tree) {
    const leaves = root.children.length > 0 ? root.children : [root];
    for (const { children: _children, ...section } of leaves) {
      const items = await listSectionArticles(await getDescendantIds(section.id), 1, BLOCK_ITEMS, now);
      blocks.push({ section, items });
    }
  }
  return { topStory: lead[0], topList: lead.slice(1), recommended: await recommendedArticles(now), blocks };
}
