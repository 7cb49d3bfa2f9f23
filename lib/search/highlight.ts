import { escapeHtml } from '@/lib/html';
import { type QueryToken, tokenize } from './tokenize';

type Range = [start: number, end: number];

/**
 * Where the query's terms occur in a text, found with the same tokenizer the index uses, so
 * what is highlighted is exactly what matched (a bigram phrase, a prefix character, a word).
 */
export function matchRanges(text: string, terms: QueryToken[][]): Range[] {
  const tokens = tokenize(text);
  const ranges: Range[] = [];
  for (let k = 0; k < tokens.length; k++) {
    for (const term of terms) {
      if (k + term.length > tokens.length) continue;
      let ok = true;
      for (let j = 0; j < term.length && ok; j++) {
        const q = term[j]!;
        const t = tokens[k + j]!.text;
        ok = q.prefix ? t.startsWith(q.text) : t === q.text;
      }
      if (!ok) continue;
      const lastQ = term.at(-1)!;
      const lastT = tokens[k + term.length - 1]!;
      // A prefix token (one CJK character) covers its first character only, not the bigram.
      const end = lastQ.prefix && lastT.cjk ? lastT.start + (text.codePointAt(lastT.start)! > 0xffff ? 2 : 1) : lastT.end;
      ranges.push([tokens[k]!.start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Escaped HTML of text[from, to) with every range inside wrapped in <mark>. */
function markUp(text: string, ranges: Range[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text (a title), escaped, matches marked. */
export function highlightHtml(text: string, terms: QueryToken[][]): string {
  return markUp(text, matchRanges(text, terms), 0, text.length);
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * A window of about `length` characters around the first match in the first text that has one
 * (else the start of the first non-empty text), escaped, matches marked, "…" where cut.
 */
export function snippetHtml(texts: string[], terms: QueryToken[][], length = 110): string {
  const candidates = texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  for (const text of candidates) {
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    let from = Math.max(0, ranges[0]![0] - Math.floor(length / 4));
    let to = Math.min(text.length, from + length);
    from = Math.max(0, Math.min(from, to - length));
    if (from > 0 && isLowSurrogate(text, from)) from--;
    if (to < text.length && isLowSurrogate(text, to)) to++;
    return (from > 0 ? '…' : '') + markUp(text, ranges, from, to) + (to < text.length ? '…' : '');
  }
  const first = candidates[0] ?? '';
  let to = Math.min(first.length, length);
  if (to < first.length && isLowSurrogate(first, to)) to++;
  return escapeHtml(first.slice(0, to)) + (to < first.length ? '…' : '');
}
