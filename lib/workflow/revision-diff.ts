import { diffChars, diffLines } from 'diff';
import { htmlToText } from '@/lib/html';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type DiffSection = { label: string; parts: DiffPart[]; changed: boolean };

type Comparable = { title: string; subtitle: string | null; summary: string; body: string; source: string; byline: string[]; responsibleEditor: string | null };

function parts(changes: Array<{ added?: boolean; removed?: boolean; value: string }>): DiffPart[] {
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/**
 * What changed from a revision to the current article, field by field. Short fields are
 * compared character by character (Chinese has no spaces to split words on); the body is
 * compared paragraph by paragraph on its text, which is what editors read.
 */
export function diffRevision(from: Comparable, to: Comparable): DiffSection[] {
  const short: Array<[string, string, string]> = [
    ['标题', from.title, to.title],
    ['副标题', from.subtitle ?? '', to.subtitle ?? ''],
    ['来源', from.source, to.source],
    ['记者', from.byline.join('、'), to.byline.join('、')],
    ['责任编辑', from.responsibleEditor ?? '', to.responsibleEditor ?? ''],
    ['摘要', from.summary, to.summary],
  ];
  const sections: DiffSection[] = short.map(([label, a, b]) => ({ label, parts: parts(diffChars(a, b)), changed: a !== b }));
  const bodyA = htmlToText(from.body) + '\n';
  const bodyB = htmlToText(to.body) + '\n';
  sections.push({ label: '正文', parts: parts(diffLines(bodyA, bodyB)), changed: from.body !== to.body });
  return sections;
}
