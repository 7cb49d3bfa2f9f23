import { siteConfig } from '@/lib/site-config';
import { type ArticleListItem, listSectionArticles } from './articles';
import { weeklyHot } from './hot';
import { getDescendantIds, getSectionTree, type SectionNode, listSections } from './sections';

export type SidebarBox = { key: string; title: string; moreHref: string; items: ArticleListItem[]; ranked?: boolean };

export type SiteChrome = { nav: SectionNode[]; sidebar: SidebarBox[] };

const SIDEBAR_ITEMS = 8;
const HOT_ITEMS = 10;

/** Everything the public layout shows around a page: navigation and the sidebar boxes. */
export async function getSiteChrome(now = new Date()): Promise<SiteChrome> {
  const [nav, all] = await Promise.all([getSectionTree(), listSections()]);
  const boxes: SidebarBox[] = [];
  for (const slug of siteConfig.sidebarSections) {
    const section = all.find((s) => s.slug === slug);
    if (!section) continue;
    const ids = await getDescendantIds(section.id);
    boxes.push({
      key: slug,
      title: section.name,
      moreHref: `/news/${section.slug}`,
      items: await listSectionArticles(ids, 1, SIDEBAR_ITEMS, now),
    });
  }
  const hot: SidebarBox = { key: 'hot', title: '周热点', moreHref: '/hot', items: await weeklyHot(HOT_ITEMS, 0, now), ranked: true };
  boxes.splice(Math.min(1, boxes.length), 0, hot);
  return { nav, sidebar: boxes };
}

