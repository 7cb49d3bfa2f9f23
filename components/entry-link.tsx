import type { ReactNode } from 'react';
import type { ArticleListItem } from '@/db/queries/articles';
import { titleStyle } from '@/lib/content/title-style';
import { articlePath } from '@/lib/routes';

/** What a title link needs from a list row. */
export type Entry = Pick<
  ArticleListItem,
  'id' | 'title' | 'sectionSlug' | 'shortTitle' | 'titleColor' | 'titleBold' | 'externalUrl'
>;

/** Where a title leads: the article's one canonical URL, or a 跳转/转载 entry's external URL. */
function entryHref(entry: Pick<Entry, 'id' | 'sectionSlug' | 'externalUrl'>): string {
  return entry.externalUrl ?? articlePath(entry.sectionSlug, entry.id);
}

/** The 置顶 mark: seen as a label, heard as its own word before the title. */
export function PinMark() {
  return (
    <>
      <span className="pin-mark">置顶</span>
      <span className="sr-only">:</span>
    </>
  );
}

/**
 * A title link as every list shows it: the editors' colour and bold (from the fixed palette of
 * lib/content/title-style.ts), the 短标题 when set, and a mark for an external entry.
 *
 * A short title is what readers see; when it differs from the full title, the full title
 * follows it as visually hidden text inside the link. The link's name then begins with the
 * visible words (WCAG 2.5.3: a voice-control user says what is written) and still gives a
 * screen-reader user the whole headline, which a `title` attribute would not (it is not read
 * reliably and never shown on touch screens).
 *
 * An external entry links straight out, in the same tab (no surprise windows), with
 * rel="noopener" and an ↗ that is also said: "(外部链接)".
 *
 * `full` shows the full title (the lead story, search results); `children` replace the title's
 * text (search marks its matches) and `before` goes in front of it inside the link.
 */
export function EntryLink({
  entry,
  full = false,
  before,
  children,
  className,
}: {
  entry: Entry;
  full?: boolean;
  before?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const short = entry.shortTitle?.trim();
  const shown = !full && short ? short : entry.title;
  const external = entry.externalUrl !== null;
  return (
    <a href={entryHref(entry)} rel={external ? 'noopener external' : undefined} style={titleStyle(entry)} className={className}>
      {before}
      {children ?? shown}
      {children === undefined && shown !== entry.title.trim() && <span className="sr-only">({entry.title})</span>}
      {external && (
        <>
          <span className="ext-mark" aria-hidden="true">
            ↗
          </span>
          <span className="sr-only">(外部链接)</span>
        </>
      )}
    </a>
  );
}
