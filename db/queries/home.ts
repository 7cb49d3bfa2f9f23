import { type ArticleListItem, listSectionArticles } from './articles';
import { getDescendantIds, getSectionTree } from './sections';
import type { Section } from '../schema';

export type HomeBlock = { section: Section; items: ArticleListItem[] };
export type HomePage = { topStory?: ArticleListItem; topList: ArticleListItem[]; blocks: HomeBlock[] };

const BLOCK_ITEMS = 6;

/**
 * The home page: the newest article of the first top-level section as the top story with the
 * next few beside it, then the latest of every leaf section, in navigation order.
 */
export async function getHomePage(now = new Date()): Promise<HomePage> {
  const tree = await getSectionTree();
  const first = tree[0];
  const lead = first ? await listSectionArticles(await getDescendantIds(first.id), 1, 7, now) : [];
  const blocks: HomeBlock[] = [];
  for (const root of tree) {
    const leaves = root.children.length > 0 ? root.children : [root];
    for (const { children: _children, ...section } of leaves) {
      const items = await listSectionArticles(await getDescendantIds(section.id), 1, BLOCK_ITEMS, now);
      blocks.push({ section, items });
    }
  }
  return { topStory: lead[0], topList: lead.slice(1), blocks };
}
