import { type QueryToken, tokenize } from './tokenize';

/** [start, end) in UTF-16 code units of a text. */
export type MatchRange = [start: number, end: number];

/** A passage of plain text with where the query's terms occur in it. */
export type MarkedText = { text: string; matches: MatchRange[] };

/**
 * Where the query's terms occur in a text, found with the same tokenizer the index uses, so
 * what is highlighted is exactly what matched (a bigram phrase, a prefix character, a word).
 */
export function matchRanges(text: string, terms: QueryToken[][]): MatchRange[] {
  const tokens = tokenize(text);
  const ranges: MatchRange[] = [];
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
  const merged: MatchRange[] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** text[from, to) with "…" where it was cut, and the ranges inside it moved to match. */
function cut(text: string, ranges: MatchRange[], from: number, to: number): MarkedText {
  const lead = from > 0 ? '…' : '';
  const matches: MatchRange[] = [];
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    matches.push([Math.max(s, from) - from + lead.length, Math.min(e, to) - from + lead.length]);
  }
  return { text: lead + text.slice(from, to) + (to < text.length ? '…' : ''), matches };
}

/**
 * A window of about `length` characters around the first match in the first text that has one
 * (else the start of the first non-empty text), "…" where cut, with the matches inside it.
 */
export function snippet(texts: string[], terms: QueryToken[][], length = 110): MarkedText {
  const candidates = texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  for (const text of candidates) {
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    let from = Math.max(0, ranges[0]![0] - Math.floor(length / 4));
    let to = Math.min(text.length, from + length);
    from = Math.max(0, Math.min(from, to - length));
    if (from > 0 && isLowSurrogate(text, from)) from--;
    if (to < text.length && isLowSurrogate(text, to)) to++;
    return cut(text, ranges, from, to);
  }
  const first = candidates[0] ?? '';
  let to = Math.min(first.length, length);
  if (to < first.length && isLowSurrogate(first, to)) to++;
  return cut(first, [], 0, to);
}

/**
 * The text split at its matches, in order, for a component to wrap the marked parts in
 * <mark>. Plain strings, never HTML: React escapes them, so article text cannot inject markup.
 */
export function highlightSegments({ text, matches }: MarkedText): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [s, e] of matches) {
    if (s > at) parts.push({ text: text.slice(at, s), marked: false });
    parts.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
