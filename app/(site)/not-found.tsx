import { NotFoundMessage } from '@/components/not-found-message';

export const metadata = { title: '页面不存在', robots: { index: false } };

/**
 * The 404 of every reader page (an unknown article, section or page number): rendered inside
 * the (site) layout, so it has the full frame without building it a second time. Next inlines
 * each not-found boundary into the React payload of every page; when this one carried its own
 * header and sidebar, each article page shipped the site frame three times (~30 KB).
 */
export default function SiteNotFound() {
  return <NotFoundMessage />;
}

