import type { TitleColor } from '@/db/schema';

/**
 * The fixed palette editors may colour a title with. Only these hex values ever reach a page,
 * so every coloured title keeps at least 4.5:1 contrast (WCAG 1.4.3) on the site's backgrounds;
 * tests/title-style.test.ts computes it against the page and box backgrounds of app/site.css.
 */
export const TITLE_COLOR_HEX: Record<TitleColor, string> = {
  red: '#b5121b',
  blue: '#1d4ed8',
  green: '#166534',
  purple: '#7e22ce',
  brown: '#92400e',
};

/** What staff read in the editor's colour picker. */
export const TITLE_COLOR_LABELS: Record<TitleColor, string> = {
  red: '红色',
  blue: '蓝色',
  green: '绿色',
  purple: '紫色',
  brown: '棕色',
};

/**
 * The inline style for a title as stored (colour from the palette, bold), or undefined when
 * plain. Components of lists and the article page use this, never the raw column.
 */
export function titleStyle(a: { titleColor: TitleColor | null; titleBold: boolean }): { color?: string; fontWeight?: number } | undefined {
  if (!a.titleColor && !a.titleBold) return undefined;
  return {
    ...(a.titleColor ? { color: TITLE_COLOR_HEX[a.titleColor] } : {}),
    ...(a.titleBold ? { fontWeight: 700 } : {}),
  };
}
