import type { SearchHit } from '@/db/queries/search';
import { formatDay } from './format-date';

/**
 * Search results: title (matched terms marked), section, date and a snippet. titleHtml and
 * snippetHtml are built by lib/search/highlight.ts, which escapes every character of article
 * text and only adds <mark> itself, so rendering them as HTML cannot inject markup.
 */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="divide-y divide-dashed divide-line [&_mark]:bg-[#fff1a8] [&_mark]:text-inherit" aria-label="搜索结果">
      {hits.map((hit) => (
        <li key={hit.id} className="search-hit py-3">
          <h2 className="text-[17px] leading-snug font-bold">
            <a href={`/news/${hit.sectionSlug}/${hit.id}`} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
          </h2>
          <p className="mt-1 text-[14px] leading-relaxed text-ink/85" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
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
