import { htmlToText } from '@/lib/html';

const DESCRIPTION_CHARS = 120;

/** One line of plain text, cut at `max` characters with an ellipsis when longer. */
export function clip(text: string, max = DESCRIPTION_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // count code points so a CJK surrogate pair is never split
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** The description an article shows crawlers and feeds: its summary, else the start of its body. */
export function describeArticle(article: { summary: string; body: string }): string {
  const summary = article.summary.trim();
  return clip(summary || htmlToText(article.body));
}
