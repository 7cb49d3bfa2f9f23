import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import type { AdminNavItem } from '@/components/admin/admin-nav';
import { roleAtLeast, ROLE_LABELS } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { siteConfig } from '@/lib/site-config';
import './admin.css';

export const metadata: Metadata = {
  title: { default: '管理后台', template: `%s - 管理后台 - ${siteConfig.name}` },
  robots: { index: false, follow: false },
};

/**
 * Staff frame for /admin/**. Signed out (the login page, or a page about to redirect there) it
 * renders the page bare. This is presentation only: each page runs authorizePage itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) return <div className="min-h-screen bg-paper">{children}</div>;
  const nav: AdminNavItem[] = [
    { href: '/admin', label: '仪表盘' },
    { href: '/admin/articles', label: '文章' },
  ];
  // Sections are managed by editors and up; a reporter would only meet a 403 there.
  if (roleAtLeast(user.role, 'editor')) nav.push({ href: '/admin/sections', label: '栏目' });
  if (roleAtLeast(user.role, 'admin')) {
    nav.push({ href: '/admin/users', label: '用户' }, { href: '/admin/audit', label: '审计日志' });
  }
  return (
    <AdminShell siteName={siteConfig.name} user={{ ...user, roleLabel: ROLE_LABELS[user.role] }} nav={nav}>
      {children}
    </AdminShell>
  );
}
