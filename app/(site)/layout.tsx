import { getSiteChrome } from '@/db/queries/chrome';
import { SiteShell } from '@/components/site-shell';
import { siteConfig } from '@/lib/site-config';

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const chrome = await getSiteChrome();
  return (
    <SiteShell site={siteConfig} chrome={chrome}>
      {children}
    </SiteShell>
  );
}
