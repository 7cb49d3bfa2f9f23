import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TITLE_COLORS } from '@/db/schema';
import { TITLE_COLOR_HEX, TITLE_COLOR_LABELS, titleStyle } from '@/lib/content/title-style';

/**
 * Every title colour keeps WCAG AA contrast (4.5:1 for normal-size text) on every background a
 * title is drawn on: the page (body, bg-paper), the boxes and the article (bg-white), and the
 * high-contrast mode's paper. The backgrounds are read from app/site.css, so a new paper colour
 * there is checked too.
 */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(path.join(import.meta.dirname, '..', 'app', 'site.css'), 'utf8');
const papers = [...css.matchAll(/--color-paper:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);
const backgrounds = [...new Set([...papers, '#ffffff'])];

describe('title colour palette', () => {
  it('reads the page backgrounds from app/site.css', () => {
    expect(papers.length).toBeGreaterThan(0);
  });

  it('has a colour and a Chinese label for every colour the schema allows', () => {
    expect(Object.keys(TITLE_COLOR_HEX).sort()).toEqual([...TITLE_COLORS].sort());
    expect(Object.keys(TITLE_COLOR_LABELS).sort()).toEqual([...TITLE_COLORS].sort());
  });

  for (const color of TITLE_COLORS) {
    for (const bg of backgrounds) {
      it(`${color} keeps at least 4.5:1 on ${bg}`, () => {
        expect(contrast(TITLE_COLOR_HEX[color], bg)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it('computes contrast as WCAG does (black on white is 21:1, a too-light grey fails)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#999999', '#ffffff')).toBeLessThan(4.5);
  });

  it('styles a title only with palette values', () => {
    expect(titleStyle({ titleColor: null, titleBold: false })).toBeUndefined();
    expect(titleStyle({ titleColor: 'blue', titleBold: true })).toEqual({ color: TITLE_COLOR_HEX.blue, fontWeight: 700 });
  });
});
