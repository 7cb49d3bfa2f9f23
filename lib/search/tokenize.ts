/**
 * The one tokenizer of site search, used for the index (through the SQL functions the
 * triggers call), for queries and for highlighting, so the three can never disagree.
 *
 * - Text is normalised per code point: NFKC (full-width ＧＤＰ２０２０ → gdp2020) and lower case.
 * - A run of CJK characters c1…cn becomes one token per character: the bigram c(i)c(i+1), and
 *   for the last character of the run its unigram. So every character position holds exactly one
 *   token that starts with that character, which makes any substring of a run findable:
 *   a 2+ character query is the phrase of its bigrams, a 1-character query is the prefix `c*`.
 *   (FTS5's unicode61 would index the whole run as one token; trigram cannot find 2 characters.)
 * - A run of other letters/digits is split where letters meet digits (5G → 5 g, 2020年 → 2020 年)
 *   so `5G`, `5 G` and `5G网络` all find each other.
 * Measured against word segmentation (jieba) and plain unigrams in tests/search-quality.test.ts.
 */

export type Token = {
  /** What the index stores: lower-case letters/digits or CJK characters, never FTS syntax. */
  text: string;
  /** Code-unit offsets in the original string, for highlighting. */
  start: number;
  end: number;
  /** True for the token of a CJK character (bigram or unigram). */
  cjk: boolean;
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}|\p{M}/u;
const DIGIT = /\p{N}/u;

type CharClass = 'cjk' | 'letter' | 'digit' | 'sep';
type Char = { norm: string; cls: CharClass; start: number; end: number };

function classify(norm: string): CharClass {
  if (norm === '') return 'sep';
  if (CJK.test(norm)) return 'cjk';
  const first = norm[0]!;
  if (DIGIT.test(first)) return 'digit';
  if (LETTER.test(first)) return 'letter';
  return 'sep';
}

/** The general case: NFKC can expand one code point (㈱ → (株)); keep only its letters/digits. */
function slowChar(cp: string): { norm: string; cls: CharClass } {
  const norm = cp.normalize('NFKC').toLowerCase();
  const cleaned = [...norm].filter((c) => CJK.test(c) || LETTER.test(c) || DIGIT.test(c)).join('');
  return { norm: cleaned, cls: classify(cleaned) };
}

const SEP: { norm: string; cls: CharClass } = { norm: '', cls: 'sep' };

/**
 * Normalised class of one code point. ASCII, the common CJK blocks, CJK punctuation and
 * full-width ASCII are decided by code range (the index tokenizes every article on every save
 * and 100,000 of them on a rebuild); everything else goes through NFKC.
 */
function charOf(cp: string, code: number): { norm: string; cls: CharClass } {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return { norm: cp, cls: 'digit' };
    if (code >= 0x61 && code <= 0x7a) return { norm: cp, cls: 'letter' };
    if (code >= 0x41 && code <= 0x5a) return { norm: String.fromCharCode(code + 32), cls: 'letter' };
    return SEP;
  }
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return { norm: cp, cls: 'cjk' };
  if (code >= 0xff01 && code <= 0xff5e) return charOf(String.fromCharCode(code - 0xfee0), code - 0xfee0);
  if ((code >= 0x3000 && code <= 0x3006) || (code >= 0x3008 && code <= 0x303f) || (code >= 0x2000 && code <= 0x206f)) return SEP;
  return slowChar(cp);
}

function chars(input: string): Char[] {
  const out: Char[] = [];
  let offset = 0;
  for (const cp of input) {
    const c = charOf(cp, cp.codePointAt(0)!);
    out.push({ norm: c.norm, cls: c.cls, start: offset, end: offset + cp.length });
    offset += cp.length;
  }
  return out;
}

/** Tokens of a text in order; position in the array is the FTS5 token position. */
export function tokenize(input: string): Token[] {
  const cs = chars(input);
  const tokens: Token[] = [];
  let i = 0;
  while (i < cs.length) {
    const c = cs[i]!;
    if (c.cls === 'sep') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cs.length && cs[j]!.cls === c.cls) j++;
    if (c.cls === 'cjk') {
      for (let k = i; k < j; k++) {
        const next = k + 1 < j ? cs[k + 1]! : undefined;
        tokens.push({
          text: next ? cs[k]!.norm + next.norm : cs[k]!.norm,
          start: cs[k]!.start,
          end: next ? next.end : cs[k]!.end,
          cjk: true,
        });
      }
    } else {
      tokens.push({ text: cs.slice(i, j).map((x) => x.norm).join(''), start: c.start, end: cs[j - 1]!.end, cjk: false });
    }
    i = j;
  }
  return tokens;
}

/** Space-separated tokens, as stored in the FTS5 table (unicode61 splits them back on spaces). */
export function indexText(input: string): string {
  return tokenize(input)
    .map((t) => t.text)
    .join(' ');
}

/** Appended to every indexed title so an exact-title query can anchor at both ends. */
export const TITLE_END = '_end_';

export function indexTitle(title: string): string {
  const text = indexText(title);
  return text ? `${text} ${TITLE_END}` : TITLE_END;
}

/** One query token: matches exactly, or as a prefix (a lone CJK character at the end of a term). */
export type QueryToken = { text: string; prefix: boolean };

/**
 * Tokens of one query term (a word typed without spaces, or a quoted phrase). A CJK run at the
 * end of the term may continue in the text, so its last unigram is dropped (its bigram already
 * covers the character), or, for a 1-character run, becomes a prefix that matches every bigram
 * starting with it.
 */
export function termTokens(term: string): QueryToken[] {
  const tokens = tokenize(term);
  const last = tokens.at(-1);
  if (!last) return [];
  const result: QueryToken[] = tokens.map((t) => ({ text: t.text, prefix: false }));
  if (last.cjk && [...last.text].length === 1) {
    const prev = tokens.at(-2);
    // Two-token CJK run ends "…X X": the unigram's bigram precedes it, so drop it.
    if (prev && prev.cjk && prev.end === last.end) result.pop();
    else result[result.length - 1] = { text: last.text, prefix: true };
  }
  return result;
}
