import type { SectionNode } from '@/db/queries/sections';
import { HOME_PATH, HOT_PATH, sectionPath } from '@/lib/routes';
import { SearchBox } from './search-box';
import { ElderModeToggle } from './elder-mode-toggle';

type Props = { siteName: string; organizer: string; nav: SectionNode[] };

// Plain links: every page comes from the cache, so client-side navigation would save little
// and next/link would add a client component (and its hydration) per link on every page.
export function SiteHeader({ siteName, organizer, nav }: Props) {
  return (
    <header className="no-print site-head">
      <div className="head-bar">
        <div>
          <a href={HOME_PATH} className="site-name">
            {siteName}
          </a>
          <p className="text-sm text-white/90">{organizer} 主办</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox />
          <ElderModeToggle />
        </div>
      </div>
      {/* On phones the section bar scrolls sideways instead of stacking three rows above the news. */}
      <nav aria-label="栏目导航" className="site-nav">
        <ul>
          <li>
            <a href={HOME_PATH}>首页</a>
          </li>
          {nav.flatMap((root) => [root, ...root.children]).map((s) => (
            <li key={s.id}>
              <a href={sectionPath(s.slug)}>{s.name}</a>
            </li>
          ))}
          <li>
            <a href={HOT_PATH}>周热点</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
