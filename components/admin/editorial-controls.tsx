'use client';

import { useId } from 'react';
import { TITLE_COLORS, type TitleColor } from '@/db/schema';
import { TITLE_COLOR_HEX, TITLE_COLOR_LABELS } from '@/lib/content/title-style';

/** The editors' controls as the form holds them (text as typed; times in Beijing time, "YYYY-MM-DDTHH:mm"). */
export type EditorialForm = {
  headline: boolean;
  headlineRank: string;
  pinned: boolean;
  pinEndsAt: string;
  recommended: boolean;
  slide: boolean;
  sortWeight: string;
  titleColor: TitleColor | '';
  titleBold: boolean;
  shortTitle: string;
  unpublishAt: string;
  externalUrl: string;
  extraSectionIds: number[];
};

type Props = {
  value: EditorialForm;
  onChange: (next: EditorialForm) => void;
  /** Sections other than the home one are offered as 副栏目. */
  sections: Array<{ id: number; label: string }>;
  homeSectionId: number;
  hasCover: boolean;
  /** The publication time when known ("YYYY-MM-DD HH:mm", Beijing time). */
  publishedAtLocal: string | null;
  title: string;
};

/** What the form would be refused for, field by field (the server checks the same and more). */
export function editorialProblems(v: EditorialForm, hasCover: boolean, publishedAtLocal: string | null): Partial<Record<keyof EditorialForm, string>> {
  const problems: Partial<Record<keyof EditorialForm, string>> = {};
  const rank = Number(v.headlineRank);
  if (v.headline && (!Number.isInteger(rank) || rank < 1 || rank > 99)) problems.headlineRank = '头条顺序必须是 1 到 99 之间的整数。';
  const weight = Number(v.sortWeight || 0);
  if (!Number.isInteger(weight) || weight < -9999 || weight > 9999) problems.sortWeight = '排序权重必须是 -9999 到 9999 之间的整数。';
  if (v.slide && !hasCover) problems.slide = '设为幻灯需要封面图片:请先在上方上传封面。';
  const url = v.externalUrl.trim();
  if (url && !/^https?:\/\/[^\s/?#]+\S*$/i.test(url)) problems.externalUrl = '跳转链接必须是以 http:// 或 https:// 开头的完整网址。';
  // Both in the same "YYYY-MM-DD HH:mm" form: string order is time order.
  const down = v.unpublishAt.replace('T', ' ');
  if (down && publishedAtLocal && down <= publishedAtLocal) problems.unpublishAt = `定时下线时间必须晚于发布时间(${publishedAtLocal})。`;
  return problems;
}

/**
 * 头条, 置顶 (with an optional end), 推荐, 幻灯, sort weight, title colour and bold, 短标题,
 * 定时下线, 副栏目 and 跳转 link: shown to editors and admins only (the server refuses them
 * from anyone else). Problems are shown beside their field and tied to it for screen readers.
 */
export function EditorialControls({ value, onChange, sections, homeSectionId, hasCover, publishedAtLocal, title }: Props) {
  const id = useId();
  const problems = editorialProblems(value, hasCover, publishedAtLocal);
  const set = <K extends keyof EditorialForm>(key: K, v: EditorialForm[K]) => onChange({ ...value, [key]: v });
  const input = 'rounded border border-line px-2 py-1.5';
  const error = (key: keyof EditorialForm) =>
    problems[key] ? (
      <p id={`${id}-${key}-error`} className="text-sm text-red-700">
        {problems[key]}
      </p>
    ) : null;
  const described = (key: keyof EditorialForm, hint?: string) => {
    const ids = [hint, problems[key] ? `${id}-${key}-error` : undefined].filter(Boolean).join(' ');
    return { 'aria-describedby': ids || undefined, 'aria-invalid': problems[key] ? true : undefined };
  };
  const others = sections.filter((s) => s.id !== homeSectionId);

  return (
    <fieldset className="space-y-4 rounded border border-line bg-white p-3" data-testid="editorial-controls">
      <legend className="px-1 font-bold">编辑设置(仅编辑、管理员可设置)</legend>

      <fieldset className="space-y-2">
        <legend className="text-sm font-bold">位置与标记</legend>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={value.headline} onChange={(e) => onChange({ ...value, headline: e.target.checked, headlineRank: value.headlineRank || '1' })} />
            头条
          </label>
          {value.headline && (
            <div className="flex items-center gap-1.5">
              <label htmlFor={`${id}-rank`} className="text-sm">
                头条顺序(数字小的在前)
              </label>
              <input id={`${id}-rank`} type="number" min={1} max={99} step={1} value={value.headlineRank} onChange={(e) => set('headlineRank', e.target.value)} className={`${input} w-20`} {...described('headlineRank')} />
            </div>
          )}
        </div>
        {error('headlineRank')}
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={value.pinned} onChange={(e) => set('pinned', e.target.checked)} />
            置顶
          </label>
          {value.pinned && (
            <div className="flex flex-wrap items-center gap-1.5">
              <label htmlFor={`${id}-pin-ends`} className="text-sm">
                置顶结束时间(北京时间,可不填)
              </label>
              <input id={`${id}-pin-ends`} type="datetime-local" value={value.pinEndsAt} onChange={(e) => set('pinEndsAt', e.target.value)} className={input} />
            </div>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={value.recommended} onChange={(e) => set('recommended', e.target.checked)} />
            推荐
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={value.slide} onChange={(e) => set('slide', e.target.checked)} {...described('slide')} />
            幻灯(首页图片新闻)
          </label>
          <div className="flex items-center gap-1.5">
            <label htmlFor={`${id}-weight`} className="text-sm">
              排序权重(大的在前)
            </label>
            <input id={`${id}-weight`} type="number" min={-9999} max={9999} step={1} value={value.sortWeight} onChange={(e) => set('sortWeight', e.target.value)} className={`${input} w-24`} {...described('sortWeight')} />
          </div>
        </div>
        {error('slide')}
        {error('sortWeight')}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-bold">标题样式</legend>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <div className="flex items-center gap-1.5">
            <label htmlFor={`${id}-color`} className="text-sm">
              标题颜色
            </label>
            <select id={`${id}-color`} value={value.titleColor} onChange={(e) => set('titleColor', e.target.value as TitleColor | '')} className={input}>
              <option value="">默认</option>
              {TITLE_COLORS.map((c) => (
                <option key={c} value={c}>
                  {TITLE_COLOR_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <label className="inline-flex items-center gap-1.5">
            <input type="checkbox" checked={value.titleBold} onChange={(e) => set('titleBold', e.target.checked)} />
            标题加粗
          </label>
        </div>
        <p className="text-sm">
          <span className="text-muted">效果:</span>
          <span style={{ color: value.titleColor ? TITLE_COLOR_HEX[value.titleColor] : undefined, fontWeight: value.titleBold ? 700 : undefined }}>{title || '(标题)'}</span>
        </p>
        <div>
          <label htmlFor={`${id}-short`} className="block text-sm">
            短标题(列表中使用,可不填)
          </label>
          <input id={`${id}-short`} value={value.shortTitle} maxLength={40} onChange={(e) => set('shortTitle', e.target.value)} className={`${input} w-full`} />
        </div>
      </fieldset>

      <div>
        <label htmlFor={`${id}-down`} className="block text-sm font-bold">
          定时下线(北京时间,可不填)
        </label>
        <input id={`${id}-down`} type="datetime-local" value={value.unpublishAt} onChange={(e) => set('unpublishAt', e.target.value)} className={input} {...described('unpublishAt', `${id}-down-hint`)} />
        <p id={`${id}-down-hint`} className="text-sm text-muted">
          到时稿件自动从网站撤下(列表、正文、订阅、搜索),须晚于发布时间。
        </p>
        {error('unpublishAt')}
      </div>

      {others.length > 0 && (
        <fieldset>
          <legend className="text-sm font-bold">副栏目(一稿多发:稿件同时出现在这些栏目的列表中)</legend>
          <div className="mt-1 grid max-h-48 gap-x-4 gap-y-1 overflow-y-auto sm:grid-cols-2">
            {others.map((s) => (
              <label key={s.id} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={value.extraSectionIds.includes(s.id)}
                  onChange={(e) => set('extraSectionIds', e.target.checked ? [...value.extraSectionIds, s.id] : value.extraSectionIds.filter((x) => x !== s.id))}
                />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <div>
        <label htmlFor={`${id}-url`} className="block text-sm font-bold">
          跳转链接(转载外部稿件时填写,可不填)
        </label>
        <input id={`${id}-url`} type="url" inputMode="url" value={value.externalUrl} onChange={(e) => set('externalUrl', e.target.value)} placeholder="https://" className={`${input} w-full`} {...described('externalUrl', `${id}-url-hint`)} />
        <p id={`${id}-url-hint`} className="text-sm text-muted">
          填写后读者点击标题直接打开该网址,本站不生成正文页;只需标题、来源和链接,正文可以为空。
        </p>
        {error('externalUrl')}
      </div>
    </fieldset>
  );
}
