import type { SidebarBox } from '@/db/queries/chrome';

/**
 * 信息中心 / 周热点 / 国内新闻 / 国际新闻, each with +更多. Plain links (no next/link): every
 * page comes from the cache, and a client component per link would only add hydration work
 * and payload. Styles: .box, .side-list in app/globals.css.
 */
export function Sidebar({ boxes }: { boxes: SidebarBox[] }) {
  return (
    <aside aria-label="侧栏" className="no-print space-y-5">
      {boxes.map((box) => (
        <section key={box.key} aria-labelledby={`side-${box.key}`} className="box">
          <div className="box-head">
            <h2 id={`side-${box.key}`} className="box-title">
              {box.title}
            </h2>
            <a href={box.moreHref} className="more" aria-label={`${box.title} 更多`}>
              +更多
            </a>
          </div>
          {box.items.length === 0 ? (
            <p className="empty">暂无内容</p>
          ) : (
            <ol className="side-list">
              {box.items.map((item, i) => (
                <li key={item.id}>
                  {box.ranked && (
                    <span className={i < 3 ? 'rank top' : 'rank'} aria-hidden="true">
                      {i + 1}
                    </span>
                  )}
                  <a href={`/news/${item.sectionSlug}/${item.id}`}>{item.title}</a>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </aside>
  );
}
