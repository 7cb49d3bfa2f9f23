'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { editorHeartbeatAction, saveArticleAction, type SaveResult } from '@/app/admin/articles/editor-actions';
import type { WorkflowDone } from '@/app/admin/articles/workflow-actions';
import type { ArticleStatus } from '@/db/schema';
import { maySetEditorial } from '@/lib/workflow/editorial';
import { type Actor, STATUS_LABELS, type WorkflowAction, availableActions } from '@/lib/workflow/transitions';
import { type EditorialForm, EditorialControls, editorialProblems } from './editorial-controls';
import { ImageUploadPanel } from './image-upload-panel';
import { RichTextEditor } from './rich-text-editor';
import { WorkflowButton, type WorkflowActionFn } from './workflow-panel';

export type EditorFields = {
  title: string;
  subtitle: string;
  sectionId: number;
  source: string;
  byline: string;
  responsibleEditor: string;
  summary: string;
  coverImage: string;
  coverAlt: string;
  body: string;
  editorial: EditorialForm;
};

export type EditorArticle = {
  id: number | null;
  version: number;
  status: ArticleStatus;
  reviewComment: string | null;
  publishedAtLocal: string | null;
  fields: EditorFields;
};

type Props = {
  article: EditorArticle;
  sections: Array<{ id: number; label: string }>;
  actor: Actor;
  authorId: number | null;
  /** The workflow steps this user's role can take; those valid for the status are shown. */
  workflow: Partial<Record<WorkflowAction, WorkflowActionFn>>;
  defaultPublishAt: string;
};

const AUTOSAVE_DELAY_MS = 3000;
const HEARTBEAT_MS = 15_000;

function splitNames(text: string): string[] {
  return text.split(/[\s,,、;;]+/).map((s) => s.trim()).filter(Boolean);
}

/** The editors' controls as the server's schema takes them (lib/workflow/article-input.ts). */
function editorialInput(e: EditorialForm, homeSectionId: number) {
  return {
    headlineRank: e.headline ? Number(e.headlineRank) : null,
    pinned: e.pinned,
    pinEndsAt: e.pinned ? e.pinEndsAt : '',
    recommended: e.recommended,
    slide: e.slide,
    sortWeight: Number(e.sortWeight || 0),
    titleColor: e.titleColor || null,
    titleBold: e.titleBold,
    shortTitle: e.shortTitle,
    unpublishAt: e.unpublishAt,
    externalUrl: e.externalUrl,
    extraSectionIds: e.extraSectionIds.filter((s) => s !== homeSectionId),
  };
}

/** Reporters' editors send no editorial settings: the server keeps what is stored. */
function toInput(id: number | null, version: number, f: EditorFields, withEditorial: boolean) {
  return {
    ...(withEditorial ? { editorial: editorialInput(f.editorial, f.sectionId) } : {}),
    id,
    version,
    fields: {
      title: f.title,
      subtitle: f.subtitle,
      sectionId: f.sectionId,
      source: f.source,
      byline: splitNames(f.byline),
      responsibleEditor: f.responsibleEditor,
      summary: f.summary,
      coverImage: f.coverImage || null,
      coverAlt: f.coverAlt,
      body: f.body,
    },
  };
}

function clock(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));
}

/**
 * The article editor: every field of the article, the rich-text body, autosave for drafts,
 * a warning before leaving with unsaved edits, and optimistic concurrency. A refused save
 * keeps the user's text in the form; nothing is ever overwritten silently.
 */
export function ArticleEditor({ article, sections, actor, authorId, workflow, defaultPublishAt }: Props) {
  const router = useRouter();
  const ids = { title: useId(), body: useId() };
  const [id, setId] = useState(article.id);
  const [articleStatus, setArticleStatus] = useState(article.status);
  // The same rules the server enforces, so the buttons shown match what would be accepted.
  const actions = availableActions({ status: articleStatus, authorId }, actor);
  const [version, setVersion] = useState(article.version);
  const [fields, setFields] = useState(article.fields);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(article.fields));
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ kind: 'info' | 'error' | 'conflict'; text: string } | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [newerVersion, setNewerVersion] = useState<number | null>(null);
  const dirty = JSON.stringify(fields) !== savedJson;
  const savedJsonRef = useRef(savedJson);
  const inflight = useRef<Promise<SaveResult> | null>(null);
  const latest = useRef({ id, version, fields });
  latest.current = { id, version, fields };

  // Only drafts autosave (a published piece changes for readers only when someone means it).
  const autosaves = articleStatus === 'draft' && actions.includes('save');
  const editorialShown = maySetEditorial(actor.role);

  const save = useCallback(async (mode: 'auto' | 'manual'): Promise<{ id: number; version: number } | null> => {
    if (inflight.current) await inflight.current.catch(() => undefined);
    const { id: curId, version: curVersion, fields: curFields } = latest.current;
    const snapshot = JSON.stringify(curFields);
    if (curId !== null && snapshot === savedJsonRef.current) return { id: curId, version: curVersion };
    if (editorialShown && Object.keys(editorialProblems(curFields.editorial, !!curFields.coverImage, article.publishedAtLocal)).length > 0) {
      if (mode === 'manual') setStatus({ kind: 'error', text: '未保存:请先更正“编辑设置”中标出的问题。' });
      return null;
    }
    setSaving(true);
    const request = saveArticleAction(toInput(curId, curVersion, curFields, editorialShown));
    inflight.current = request;
    let result: SaveResult;
    try {
      result = await request;
    } catch {
      result = { ok: false, conflict: false, message: '保存失败:无法连接服务器,您的内容仍在编辑框中。' };
    } finally {
      inflight.current = null;
      setSaving(false);
    }
    if (!result.ok) {
      setStatus({ kind: result.conflict ? 'conflict' : 'error', text: result.message });
      if (result.conflict && result.currentVersion) setNewerVersion(result.currentVersion);
      return null;
    }
    setId(result.id);
    setVersion(result.version);
    setSavedJson(snapshot);
    savedJsonRef.current = snapshot;
    setStatus({ kind: 'info', text: `${mode === 'auto' ? '已自动保存' : '已保存'} ${clock(result.savedAt)}` });
    if (curId === null) window.history.replaceState(null, '', `/admin/articles/${result.id}`);
    return { id: result.id, version: result.version };
  }, [editorialShown, article.publishedAtLocal]);

  // Autosave drafts a few seconds after the last change (never after a refused save: the
  // user must decide what to do with a conflict first).
  useEffect(() => {
    if (!autosaves || !dirty || status?.kind === 'conflict' || !fields.title.trim()) return;
    const timer = setTimeout(() => void save('auto'), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosaves, dirty, fields, save, status?.kind]);

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Who else has this article open, and whether someone saved a newer version meanwhile.
  useEffect(() => {
    if (id === null) return;
    let stopped = false;
    const beat = async () => {
      try {
        const r = await editorHeartbeatAction(id);
        if (stopped) return;
        setOthers(r.others);
        if (r.version !== null && r.version > latest.current.version && !inflight.current) setNewerVersion(r.version);
      } catch {
        /* offline for a moment: the next beat will tell */
      }
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id]);

  const set = <K extends keyof EditorFields>(key: K) => (value: EditorFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const onWorkflowDone = useCallback(
    (state: WorkflowDone) => {
      if (state.version) setVersion(state.version);
      if (state.status) setArticleStatus(state.status);
      setStatus({ kind: 'info', text: state.message });
      router.refresh();
    },
    [router],
  );
  const ensureSaved = useCallback(() => save('manual'), [save]);

  const input = 'w-full rounded border border-line px-2 py-1.5';
  const steps = actions.filter((a): a is Exclude<WorkflowAction, 'save'> => a !== 'save' && !!workflow[a]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_260px]">
      <div className="space-y-4">
        {others.length > 0 && (
          <p role="status" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
            注意:{others.join('、')} 也正在编辑这篇稿件。保存时以版本号为准,后保存者不会覆盖先保存的内容。
          </p>
        )}
        {newerVersion !== null && newerVersion > version && (
          <div role="alert" className="rounded border border-red-400 bg-red-50 px-3 py-2 text-sm">
            其他人已保存了更新的版本(版本 {newerVersion},您基于版本 {version} 编辑)。您的修改不会自动覆盖对方的内容;请复制您的修改后
            <button type="button" className="mx-1 underline" onClick={() => window.location.reload()}>
              重新加载最新版本
            </button>
            再合并。
          </div>
        )}
        {article.reviewComment && (
          <p className="rounded border border-line bg-white px-3 py-2 text-sm">
            <strong>退回意见:</strong>
            {article.reviewComment}
          </p>
        )}
        <div>
          <label htmlFor={ids.title} className="mb-1 block font-bold">
            标题
          </label>
          <input id={ids.title} value={fields.title} onChange={(e) => set('title')(e.target.value)} required maxLength={200} className={`${input} text-lg`} />
        </div>
        <Field label="副标题" value={fields.subtitle} onChange={set('subtitle')} className={input} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="栏目" value={fields.sectionId} onChange={set('sectionId')} options={sections} className={input} />
          <Field label="来源" value={fields.source} onChange={set('source')} className={input} />
          <Field label="记者" hint="多人用空格或顿号分隔" value={fields.byline} onChange={set('byline')} className={input} />
          <Field label="责任编辑" value={fields.responsibleEditor} onChange={set('responsibleEditor')} className={input} />
        </div>
        <Field label="摘要" value={fields.summary} onChange={set('summary')} className={input} multiline />
        <CoverField image={fields.coverImage} alt={fields.coverAlt} onImage={set('coverImage')} onAlt={set('coverAlt')} className={input} />
        {editorialShown && (
          <EditorialControls
            value={fields.editorial}
            onChange={set('editorial')}
            sections={sections}
            homeSectionId={fields.sectionId}
            hasCover={!!fields.coverImage}
            publishedAtLocal={article.publishedAtLocal}
            title={fields.title}
          />
        )}
        <div>
          <p id={ids.body} className="mb-1 font-bold">
            正文
          </p>
          <RichTextEditor initialHtml={article.fields.body} onChange={set('body')} labelledBy={ids.body} />
        </div>
      </div>

      <aside className="space-y-4" aria-label="稿件操作">
        <div className="rounded border border-line bg-white p-3 text-sm">
          <p>
            状态:<strong data-testid="article-status">{STATUS_LABELS[articleStatus]}</strong>
            {article.publishedAtLocal && <span className="ml-1 text-muted">({article.publishedAtLocal})</span>}
          </p>
          <p>版本:{version}</p>
          <p role="status" aria-live="polite" className={status?.kind === 'info' ? 'text-green-800' : 'text-red-700'} data-testid="save-status">
            {saving ? '正在保存…' : (status?.text ?? (dirty ? '有未保存的修改' : ''))}
          </p>
          {!autosaves && <p className="text-muted">此状态不自动保存,改完请点“保存”。</p>}
          <button type="button" onClick={() => void save('manual')} disabled={saving || (!actions.includes('save') && id !== null)} className="mt-2 w-full rounded bg-ink px-3 py-1.5 font-bold text-white disabled:opacity-60">
            保存
          </button>
          {id !== null && (
            <p className="mt-2 flex justify-between">
              <a href={`/admin/articles/${id}/preview`} target="_blank" rel="noopener" className="underline">
                预览
              </a>
              <a href={`/admin/articles/${id}/revisions`} className="underline">
                修订记录
              </a>
            </p>
          )}
        </div>
        {steps.length > 0 && (
          <div className="space-y-3 rounded border border-line bg-white p-3">
            {steps.map((a) => (
              <WorkflowButton
                key={a}
                action={a}
                run={workflow[a]!}
                articleId={id}
                version={version}
                ensureSaved={ensureSaved}
                onDone={onWorkflowDone}
                defaultPublishAt={defaultPublishAt}
              />
            ))}
          </div>
        )}
      </aside>
    </div>
  );
}

function Field({ label, hint, value, onChange, className, multiline }: { label: string; hint?: string; value: string; onChange: (v: string) => void; className: string; multiline?: boolean }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
        {hint && <span className="ml-2 text-sm font-normal text-muted">({hint})</span>}
      </label>
      {multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} rows={3} className={className} />
      ) : (
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} className={className} />
      )}
    </div>
  );
}

function SelectField({ label, value, onChange, options, className }: { label: string; value: number; onChange: (v: number) => void; options: Array<{ id: number; label: string }>; className: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} className={className}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function CoverField({ image, alt, onImage, onAlt, className }: { image: string; alt: string; onImage: (v: string) => void; onAlt: (v: string) => void; className: string }) {
  const altId = useId();
  return (
    <fieldset className="rounded border border-line p-3">
      <legend className="px-1 font-bold">封面图片</legend>
      {image ? (
        <div className="flex flex-wrap items-start gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable variant, no optimiser needed */}
          <img src={image} alt={alt || '封面预览'} className="h-24 w-auto border border-line" />
          <div className="min-w-60 flex-1">
            <label htmlFor={altId} className="block text-sm">
              封面替代文字(必填)
            </label>
            <input id={altId} value={alt} onChange={(e) => onAlt(e.target.value)} required className={className} />
            <button type="button" onClick={() => onImage('')} className="mt-2 text-sm text-brand underline">
              移除封面
            </button>
          </div>
        </div>
      ) : (
        <ImageUploadPanel
          label="上传封面图片"
          withCaption={false}
          submitLabel="上传封面"
          onInsert={(img) => {
            onImage(img.url);
            onAlt(img.alt);
          }}
        />
      )}
    </fieldset>
  );
}
