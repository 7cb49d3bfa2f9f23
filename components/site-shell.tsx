import type { SiteChrome } from '@/db/queries/chrome';
import type { SiteConfig } from '@/lib/site-config';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { Sidebar } from './sidebar';
import { SkipLink } from './skip-link';

/** The public page frame: header, main column beside the sidebar, footer. */
export function SiteShell({ site, chrome, children }: { site: SiteConfig; chrome: SiteChrome; children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader siteName={site.name} organizer={site.organizer} nav={chrome.nav} />
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6 px-3 py-5 sm:px-4 lg:grid-cols-[minmax(0,1fr)_300px]">
        <main id="main" tabIndex={-1} className="print-main min-w-0 focus:outline-none">
          {children}
        </main>
        <Sidebar boxes={chrome.sidebar} />
      </div>
      <SiteFooter site={site} />
    </>
  );
}
