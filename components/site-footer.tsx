import type { SiteConfig } from '@/lib/site-config';

export function SiteFooter({ site }: { site: SiteConfig }) {
  return (
    <footer className="no-print mt-10 border-t-4 border-brand bg-white text-sm text-muted">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-center">
        <p>
          主办单位:{site.organizer}  地址:{site.address}
        </p>
        <p>{site.contact}</p>
        <p>
          <span>{site.icp}</span>
          <span className="mx-2" aria-hidden="true">|</span>
          <span>{site.policeRecord}</span>
          <span className="mx-2" aria-hidden="true">|</span>
          <span>网站标识码:{site.siteIdCode}</span>
        </p>
        <p>© {site.name} 版权所有</p>
      </div>
    </footer>
  );
}
