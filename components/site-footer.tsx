import type { SiteConfig } from '@/lib/site-config';

export function SiteFooter({ site }: { site: SiteConfig }) {
  return (
    <footer className="no-print site-foot">
      <div>
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
