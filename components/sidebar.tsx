import Link from 'next/link';
import type { SidebarBox } from '@/db/queries/chrome';

export function Sidebar({ boxes }: { boxes: SidebarBox[] }) {
  return (
    <aside aria-label="侧栏" className="no-print space-y-5">
      {boxes.map((box) => (
        <section key={box.key} aria-labelledby={`side-${box.key}`} className="border border-line bg-white">
          <div className="flex items-center justify-between border-b-2 border-brand px-3 py-2">
            <h2 id={`side-${box.key}`} className="text-base font-bold text-brand">
              {box.title}
            </h2>
            <Link prefetch={false} href={box.moreHref} className="text-sm text-muted" aria-label={`${box.title} 更多`}>
              +更多
            </Link>
          </div>
          {box.items.length === 0 ? (
            <p className="px-3 py-3 text-sm text-muted">暂无内容</p>
          ) : (
            <ol className="divide-y divide-line/70 px-3 py-1 text-[15px]">
              {box.items.map((item, i) => (
                <li key={item.id} className="flex gap-2 py-1.5">
                  {box.ranked && (
                    <span
                      className={`mt-1 inline-flex h-5 w-5 shrink-0 items-center justify-center text-xs font-bold ${i < 3 ? 'bg-brand text-white' : 'bg-line text-ink'}`}
                      aria-hidden="true"
                    >
                      {i + 1}
                    </span>
                  )}
                  <Link prefetch={false} href={`/news/${item.sectionSlug}/${item.id}`} className="line-clamp-2 leading-snug">
                    {item.title}
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </aside>
  );
}
