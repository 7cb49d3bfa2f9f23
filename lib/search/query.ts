import { indexText, type QueryToken, termTokens, TITLE_END } from './tokenize';

/** Longer input is cut here rather than refused: readers paste whole sentences. */
export const MAX_QUERY_LENGTH = 100;

export type ParsedQuery = {
  /** The query as searched (trimmed, cut), for the search box and the page title. */
  text: string;
  /** Each term is a phrase of tokens; a document must contain every term. */
  terms: QueryToken[][];
  /** FTS5 expressions built only from tokenizer output, quoted: user input is never FTS syntax. */
  match: string;
  /** For search_title_fts: every term in the title. */
  titleMatch: string;
  /** For search_title_fts: the title is exactly the query (anchored at both ends). */
  exactTitle: string | null;
};

const CJK_GAP = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** Cuts to `max` code points, never splitting a surrogate pair. */
export function cutQuery(raw: string, max = MAX_QUERY_LENGTH): string {
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  const cps = [...trimmed];
  return cps.length > max ? cps.slice(0, max).join('').trim() : trimmed;
}

function phrase(tokens: QueryToken[]): string {
  const body = tokens.map((t) => t.text.replaceAll('"', '""')).join(' ');
  return tokens.at(-1)?.prefix ? `"${body}"*` : `"${body}"`;
}

/**
 * Terms are the words typed between spaces; "quoted text" is one term, its inner spaces between
 * Chinese characters ignored (Chinese is written without them). Every other character that FTS5
 * would read as syntax (* - : ^ ( ) + AND OR NOT NEAR) is just text here: the tokenizer drops
 * punctuation and keeps words as words.
 */
export function parseQuery(raw: string | undefined | null): ParsedQuery | null {
  const text = cutQuery(raw ?? '');
  if (!text) return null;
  const pieces: string[] = [];
  const quoted = /"([^"]*)"/g;
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(quoted)) {
    rest += text.slice(last, m.index) + ' ';
    pieces.push(m[1]!.replace(CJK_GAP, '$1'));
    last = m.index + m[0].length;
  }
  rest += text.slice(last);
  pieces.push(...rest.split(/\s+/));

  const seen = new Set<string>();
  const terms: QueryToken[][] = [];
  for (const piece of pieces) {
    const tokens = termTokens(piece);
    if (tokens.length === 0) continue;
    const key = phrase(tokens);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(tokens);
  }
  if (terms.length === 0) return null;
  const match = terms.map(phrase).join(' AND ');
  const full = indexText(text.replaceAll('"', ' ').replace(CJK_GAP, '$1'));
  return {
    text,
    terms,
    match,
    titleMatch: match,
    exactTitle: full ? `^"${full} ${TITLE_END}"` : null,
  };
}
