'use client';

import { startTransition, useActionState, useEffect, useId, useRef } from 'react';
import type { WorkflowDone, WorkflowState } from '@/app/admin/articles/workflow-actions';
import { ACTION_LABELS, type WorkflowAction } from '@/lib/workflow/transitions';

export type WorkflowActionFn = (prev: WorkflowState, form: FormData) => Promise<WorkflowState>;

type ButtonProps = {
  action: Exclude<WorkflowAction, 'save'>;
  run: WorkflowActionFn;
  articleId: number | null;
  version: number;
  /** Saves pending edits first; resolves to the version to act on, or null when the save failed. */
  ensureSaved: () => Promise<{ id: number; version: number } | null>;
  onDone: (state: WorkflowDone) => void;
  defaultPublishAt?: string;
};

const CONFIRM: Partial<Record<WorkflowAction, string>> = {
  withdraw: '撤稿后读者将无法访问这篇文章。确定撤稿吗?',
  delete: '删除后无法恢复。确定删除这篇稿件吗?',
  publish: '确定立即发布吗?发布后读者马上可以看到。',
};

/**
 * One workflow step as a real form posting to its server action (so it also works before the
 * page's script has loaded). With script, pending edits are saved first and the step acts on
 * the version that save produced.
 */
export function WorkflowButton({ action, run, articleId, version, ensureSaved, onDone, defaultPublishAt }: ButtonProps) {
  const [state, dispatch, pending] = useActionState(run, null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldId = useId();
  const reported = useRef<WorkflowState>(null);

  useEffect(() => {
    if (state && state !== reported.current) {
      reported.current = state;
      if (state.ok) onDone(state);
    }
  }, [state, onDone]);

  const danger = action === 'withdraw' || action === 'delete' || action === 'sendBack';
  return (
    <form
      ref={formRef}
      action={dispatch}
      data-workflow={action}
      className="space-y-1"
      onSubmit={async (e) => {
        const question = CONFIRM[action];
        if (question && !window.confirm(question)) {
          e.preventDefault();
          return;
        }
        e.preventDefault();
        const saved = await ensureSaved();
        if (!saved) return;
        const data = new FormData(formRef.current!);
        data.set('id', String(saved.id));
        data.set('version', String(saved.version));
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="id" value={articleId ?? ''} />
      <input type="hidden" name="version" value={version} />
      {action === 'schedule' && (
        <div className="flex flex-col text-sm">
          <label htmlFor={fieldId}>发布时间(北京时间)</label>
          <input id={fieldId} type="datetime-local" name="publishAt" required defaultValue={defaultPublishAt} className="rounded border border-line px-2 py-1" />
        </div>
      )}
      {action === 'sendBack' && (
        <div className="flex flex-col text-sm">
          <label htmlFor={fieldId}>退回意见</label>
          <textarea id={fieldId} name="comment" required rows={2} className="rounded border border-line px-2 py-1" />
        </div>
      )}
      <button
        type="submit"
        disabled={pending || (articleId === null && action !== 'submit')}
        className={`w-full rounded px-3 py-1.5 text-sm font-bold disabled:opacity-60 ${danger ? 'border border-brand text-brand' : 'bg-brand text-white'}`}
      >
        {pending ? '处理中…' : ACTION_LABELS[action]}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
