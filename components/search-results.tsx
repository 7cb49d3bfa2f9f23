import type { SearchHit } from '@/db/queries/search';
import { highlightSegments, type MarkedText } from '@/lib/search/highlight';
import { EntryLink } from './entry-link';
import { formatDay } from './format-date';

/** Text with its matched terms in <mark>; React escapes every part, so article text stays text. */
function Highlighted({ text }: { text: MarkedText }) {
  return highlightSegments(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text));
}

/** Search results: title (matched terms marked), section, date and a snippet. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="divide-y divide-dashed divide-line [&_mark]:bg-[#fff1a8] [&_mark]:text-inherit" aria-label="搜索结果">
      {hits.map((hit) => (
        <li key={hit.id} className="search-hit py-3">
          <h2 className="text-[17px] leading-snug font-bold">
            {/* Plain (no colour, full title: the matches are marked in it); an external entry links out, as in lists. */}
            <EntryLink entry={{ ...hit, shortTitle: null, titleColor: null, titleBold: false }}>
              <Highlighted text={{ text: hit.title, matches: hit.titleMatches }} />
            </EntryLink>
          </h2>
          <p className="mt-1 text-[14px] leading-relaxed text-ink/85">
            <Highlighted text={hit.snippet} />
          </p>
          <p className="mt-1 text-sm text-muted">
            <span className="text-brand">{hit.sectionName}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={hit.publishedAt.toISOString()} className="tabular-nums">
              {formatDay(hit.publishedAt)}
            </time>
          </p>
        </li>
      ))}
    </ol>
  );
}
