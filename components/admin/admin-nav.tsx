'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type AdminNavItem = { href: string; label: string };

/** The staff area's main navigation; marks the current section for screen readers and sighted users alike. */
export function AdminNav({ items }: { items: AdminNavItem[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="后台导航">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {items.map((item) => {
          const current = isCurrent(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded px-3 py-2 text-sm ${current ? 'bg-brand font-medium' : 'hover:bg-paper'}`}
              >
                {/* The colour sits on a span: the global (unlayered) `a { color: inherit }` outranks utility classes on the link. */}
                <span className={current ? 'text-white' : undefined}>{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
