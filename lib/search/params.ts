import { parsePage } from '@/lib/params';
import { cutQuery } from './query';

export const SEARCH_SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchParams = {
  q: string;
  section: string | null;
  from: string | null;
  to: string | null;
  sort: SearchSort;
  page: number;
  /** Names of parameters that were present but unusable and so ignored (shown to the reader). */
  ignored: string[];
};

type Raw = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not one). */
export function parseDay(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

/**
 * What the search page was asked for. Bad values never fail the page: each is dropped and
 * named in `ignored`, so a hand-edited or stale URL still searches.
 */
export function parseSearchParams(raw: Raw): SearchParams {
  const ignored: string[] = [];
  const q = cutQuery(single(raw.q) ?? '');

  const sectionRaw = single(raw.section)?.trim();
  let section: string | null = null;
  if (sectionRaw) {
    if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(sectionRaw)) section = sectionRaw;
    else ignored.push('section');
  }

  const day = (name: 'from' | 'to') => {
    const v = single(raw[name])?.trim();
    if (!v) return null;
    const d = parseDay(v);
    if (!d) ignored.push(name);
    return d;
  };
  let from = day('from');
  let to = day('to');
  // A reversed range is a slip of the hand, not a wish for nothing.
  if (from && to && from > to) [from, to] = [to, from];

  const sortRaw = single(raw.sort);
  let sort: SearchSort = 'relevance';
  if (sortRaw && (SEARCH_SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as SearchSort;
  else if (sortRaw) ignored.push('sort');

  let page = parsePage(single(raw.page));
  if (page === null) {
    ignored.push('page');
    page = 1;
  }
  return { q, section, from, to, sort, page, ignored };
}
