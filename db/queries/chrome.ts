import { cache } from 'react';
import { siteConfig } from '@/lib/site-config';
import type { Section } from '../schema';
import { type ArticleListItem, listSectionArticles } from './articles';
import { type HotItem, weeklyHot } from './hot';
import { getDescendantIds, getSectionBySlug, getSectionTree, type SectionNode } from './sections';

/** A section's newest articles, for a sidebar box. */
export type SectionLatest = { section: Section; items: ArticleListItem[] };

/**
 * What the sidebar shows, as rows: the newest articles of each configured section (in the
 * given order, unknown slugs left out) and the week's most read. Where 周热点 goes and what
 * the links are is the sidebar component's business (components/sidebar.tsx).
 */
export type SidebarContent = { sections: SectionLatest[]; hot: HotItem[] };

export type SiteChrome = { nav: SectionNode[]; sidebar: SidebarContent };

const SIDEBAR_ITEMS = 8;
const HOT_ITEMS = 10;

/**
 * Everything the public layout shows around a page: the navigation tree and the lists of the
 * sidebar sections the site configuration names. Memoised per request (React's cache()).
 */
export const getSiteChrome = cache(async (): Promise<SiteChrome> => {
  const now = new Date();
  const nav = await getSectionTree();
  const lists: SectionLatest[] = [];
  for (const slug of siteConfig.sidebarSections) {
    const section = await getSectionBySlug(slug);
    if (!section) continue;
    lists.push({ section, items: await listSectionArticles(await getDescendantIds(section.id), 1, SIDEBAR_ITEMS, now) });
  }
  return { nav, sidebar: { sections: lists, hot: await weeklyHot(HOT_ITEMS, 0, now) } };
});
