import type { Article, Role, TitleColor } from '@/db/schema';
import { roleAtLeast } from '@/lib/auth/roles';

/**
 * The editors' controls of an article: what leads the site and where (头条, 置顶, 推荐, 幻灯,
 * sort weight, title styling, 短标题), when it leaves public view (定时下线), which further
 * sections list it (副栏目) and whether it is only a link elsewhere (跳转/转载). Reporters write
 * articles; deciding their place on the site is the desk's job, so only editors and admins may
 * set any of these, and the save mutation refuses a reporter's call that would change one.
 */
export type EditorialFields = {
  /** 头条: lowest first; null when not a lead. */
  headlineRank: number | null;
  pinned: boolean;
  /** Only meaningful while pinned. */
  pinEndsAt: Date | null;
  recommended: boolean;
  slide: boolean;
  sortWeight: number;
  titleColor: TitleColor | null;
  titleBold: boolean;
  shortTitle: string | null;
  unpublishAt: Date | null;
  externalUrl: string | null;
  /** 副栏目, never including the home section. */
  extraSectionIds: number[];
};

/** What a new article carries when nobody set anything. */
export const DEFAULT_EDITORIAL: EditorialFields = {
  headlineRank: null,
  pinned: false,
  pinEndsAt: null,
  recommended: false,
  slide: false,
  sortWeight: 0,
  titleColor: null,
  titleBold: false,
  shortTitle: null,
  unpublishAt: null,
  externalUrl: null,
  extraSectionIds: [],
};

export function maySetEditorial(role: Role): boolean {
  return roleAtLeast(role, 'editor');
}

/** The stored settings of `row`, with its 副栏目. */
export function editorialOf(row: Article, extraSectionIds: readonly number[]): EditorialFields {
  return {
    headlineRank: row.headlineRank,
    pinned: row.pinned,
    pinEndsAt: row.pinEndsAt,
    recommended: row.recommended,
    slide: row.slide,
    sortWeight: row.sortWeight,
    titleColor: row.titleColor,
    titleBold: row.titleBold,
    shortTitle: row.shortTitle,
    unpublishAt: row.unpublishAt,
    externalUrl: row.externalUrl,
    extraSectionIds: [...extraSectionIds].sort((a, b) => a - b),
  };
}

const LABELS: Record<keyof EditorialFields, string> = {
  headlineRank: '头条',
  pinned: '置顶',
  pinEndsAt: '置顶结束时间',
  recommended: '推荐',
  slide: '幻灯',
  sortWeight: '排序权重',
  titleColor: '标题颜色',
  titleBold: '标题加粗',
  shortTitle: '短标题',
  unpublishAt: '定时下线',
  externalUrl: '跳转链接',
  extraSectionIds: '副栏目',
};

function same(a: EditorialFields[keyof EditorialFields], b: EditorialFields[keyof EditorialFields]): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = [...((a ?? []) as number[])].sort((m, n) => m - n);
    const y = [...((b ?? []) as number[])].sort((m, n) => m - n);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** The Chinese names of the settings that differ between `a` and `b` (empty when none). */
export function editorialDifferences(a: EditorialFields, b: EditorialFields): string[] {
  return (Object.keys(LABELS) as Array<keyof EditorialFields>).filter((k) => !same(a[k], b[k])).map((k) => LABELS[k]);
}

/** Whether a change moves a time the scheduler wakes for (a pin's end, a take-down). */
export function timersDiffer(a: EditorialFields, b: EditorialFields): boolean {
  return !same(a.pinned, b.pinned) || !same(a.pinEndsAt, b.pinEndsAt) || !same(a.unpublishAt, b.unpublishAt);
}

/** The refusal a reporter's forged or stale call gets: nothing of the save is written. */
export function reporterRefusal(changed: readonly string[]): string {
  return `记者不能设置${changed.join('、')}:这些只能由编辑或管理员设置。本次保存未执行,稿件没有任何改动。`;
}
