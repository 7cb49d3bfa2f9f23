import type { SidebarContent } from '@/db/queries/chrome';
import { hotPath, sectionPath } from '@/lib/routes';
import { type Entry, EntryLink } from './entry-link';

type Box = {
  key: string;
  title: string;
  moreHref: string;
  items: Entry[];
  /** 周热点 numbers its items: the order is the ranking. */
  ranked: boolean;
};

/** The configured sections in their order, with 周热点 second: the box readers look for first after the lead one. */
function boxesOf(content: SidebarContent): Box[] {
  const boxes: Box[] = content.sections.map(({ section, items }) => ({
    key: section.slug,
    title: section.name,
    moreHref: sectionPath(section.slug),
    items,
    ranked: false,
  }));
  boxes.splice(Math.min(1, boxes.length), 0, { key: 'hot', title: '周热点', moreHref: hotPath(), items: content.hot, ranked: true });
  return boxes;
}

/**
 * 信息中心 / 周热点 / 国内新闻 / 国际新闻, each with +更多. Plain links (no next/link): every
 * page comes from the cache, and a client component per link would only add hydration work
 * and payload. Styles: .box, .side-list in app/globals.css. `boxes` is the sidebar's content
 * as the data layer returns it (db/queries/chrome.ts); the layout of the boxes is decided here.
 */
export function Sidebar({ boxes: content }: { boxes: SidebarContent }) {
  return (
    <aside aria-label="侧栏" className="no-print space-y-5">
      {boxesOf(content).map((box) => (
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
                  <EntryLink entry={item} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </aside>
  );
}
