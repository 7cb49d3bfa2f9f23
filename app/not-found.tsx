import Link from 'next/link';
import { getSiteChrome } from '@/db/queries/chrome';
import { SiteShell } from '@/components/site-shell';
import { siteConfig } from '@/lib/site-config';

export const metadata = { title: '页面不存在', robots: { index: false } };

export default async function NotFound() {
  const chrome = await getSiteChrome();
  return (
    <SiteShell site={siteConfig} chrome={chrome}>
      <div className="border border-line bg-white px-6 py-12 text-center">
        <h1 className="text-2xl font-bold">页面不存在</h1>
        <p className="mt-3 text-muted">您访问的页面不存在或已被删除,请检查网址是否正确。</p>
        <p className="mt-6">
          <Link href="/" className="inline-block bg-brand px-5 py-2 text-white hover:text-white">
            返回首页
          </Link>
        </p>
      </div>
    </SiteShell>
  );
}
