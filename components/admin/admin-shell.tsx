import Link from 'next/link';
import { AdminNav, type AdminNavItem } from './admin-nav';
import { SignOutButton } from './sign-out-button';

type ShellUser = { displayName: string; username: string; roleLabel: string };

/** The staff area's frame: header with who is signed in, navigation beside (or above, on narrow screens) the page. */
export function AdminShell({ siteName, user, nav, children }: { siteName: string; user: ShellUser; nav: AdminNavItem[]; children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-paper">
      <a href="#admin-main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        跳到主要内容
      </a>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-bold">
            <Link href="/admin">
              <span className="text-brand">{siteName} · 管理后台</span>
            </Link>
          </p>
          <div className="flex items-center gap-3 text-sm">
            <span>
              <span className="font-medium">{user.displayName}</span>
              <span className="text-muted">({user.username} · {user.roleLabel})</span>
            </span>
            <Link href="/">
              <span className="text-muted">查看网站</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 md:flex-row">
        <aside className="md:w-44 md:shrink-0">
          <AdminNav items={nav} />
        </aside>
        <main id="admin-main" tabIndex={-1} className="min-w-0 flex-1 rounded border border-line bg-white p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
