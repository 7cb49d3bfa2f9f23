import { getSectionTree } from '@/db/queries/sections';
import { NotFoundMessage } from '@/components/not-found-message';
import { SiteShell } from '@/components/site-shell';
import { siteConfig } from '@/lib/site-config';

export const metadata = { title: '页面不存在', robots: { index: false } };

/**
 * The 404 for URLs no route matches. It brings its own frame (header with the section
 * navigation, footer) but no sidebar: Next inlines this boundary into every page's React
 * payload, and the sidebar's article lists were most of its weight.
 */
export default async function NotFound() {
  const nav = await getSectionTree();
  return (
    <SiteShell site={siteConfig} chrome={{ nav, sidebar: [] }}>
      <NotFoundMessage />
    </SiteShell>
  );
}
