import Link from 'next/link';
import { SearchBox } from './search-box';
import type { SectionNode } from '@/db/queries/sections';
import { ElderModeToggle } from './elder-mode-toggle';

type Props = { siteName: string; organizer: string; nav: SectionNode[] };

// Navigation links do not prefetch: every page already comes from the ISR cache, and prefetching
// each visible link would multiply server requests per page view and the reader's main-thread work.
export function SiteHeader({ siteName, organizer, nav }: Props) {
  return (
    <header className="no-print bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-2 px-4 pt-5 pb-3">
        <div>
          <Link href="/" prefetch={false} className="text-2xl font-bold tracking-wide text-white hover:text-white hover:no-underline sm:text-3xl">
            {siteName}
          </Link>
          <p className="text-sm text-white/90">{organizer} 主办</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox />
          <ElderModeToggle />
        </div>
      </div>
      {/* On phones the section bar scrolls sideways instead of stacking three rows above the news. */}
      <nav aria-label="栏目导航" className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-nowrap gap-x-1 overflow-x-auto px-2 text-[15px] whitespace-nowrap sm:flex-wrap sm:overflow-visible">
          <li>
            <Link href="/" prefetch={false} className="block px-3 py-2 text-white hover:bg-black/20 hover:text-white hover:no-underline">
              首页
            </Link>
          </li>
          {nav.flatMap((root) => [root, ...root.children]).map((s) => (
            <li key={s.id}>
              <Link
                href={`/news/${s.slug}`}
                prefetch={false}
                className="block px-3 py-2 text-white hover:bg-black/20 hover:text-white hover:no-underline"
              >
                {s.name}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/hot" prefetch={false} className="block px-3 py-2 text-white hover:bg-black/20 hover:text-white hover:no-underline">
              周热点
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
