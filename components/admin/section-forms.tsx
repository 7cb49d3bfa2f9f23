'use client';

import { type FormEvent, startTransition, useActionState, useId } from 'react';
import type { SectionFormState } from '@/app/admin/sections/actions';

type Action = (prev: SectionFormState, form: FormData) => Promise<SectionFormState>;
type Option = { id: number; label: string };
type SectionValues = { id?: number; name: string; slug: string; parentId: number | null; description: string };

/**
 * Submits through the action without React's automatic form reset, so a refused save keeps
 * what the editor typed (the form still posts normally before script has loaded).
 */
function submitKeepingInput(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
}

function Message({ state }: { state: SectionFormState }) {
  if (!state) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
      {state.message}
    </p>
  );
}

/** Create or edit one section: name, slug (a-z0-9-), parent, description. */
export function SectionForm({ action, values, parents, submitLabel }: { action: Action; values: SectionValues; parents: Option[]; submitLabel: string }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const id = useId();
  const control = 'rounded border border-line px-2 py-1';
  return (
    <form action={dispatch} onSubmit={submitKeepingInput(dispatch)} className="flex flex-wrap items-end gap-2 text-sm">
      {values.id !== undefined && <input type="hidden" name="id" value={values.id} />}
      <span className="flex flex-col">
        <label htmlFor={`${id}-name`}>名称</label>
        <input id={`${id}-name`} name="name" defaultValue={values.name} required maxLength={40} className={`${control} w-32`} />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-slug`}>别名</label>
        <input id={`${id}-slug`} name="slug" defaultValue={values.slug} required pattern="[a-z0-9](?:[a-z0-9\-]{0,38}[a-z0-9])?" title="小写字母 a-z、数字 0-9 和连字符 -" className={`${control} w-32`} />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-parent`}>上级栏目</label>
        <select id={`${id}-parent`} name="parentId" defaultValue={values.parentId ?? ''} className={control}>
          <option value="">(顶级栏目)</option>
          {parents
            .filter((p) => p.id !== values.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
        </select>
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-desc`}>说明</label>
        <input id={`${id}-desc`} name="description" defaultValue={values.description} maxLength={200} className={`${control} w-48`} />
      </span>
      <button type="submit" disabled={pending} className="rounded bg-ink px-3 py-1 font-bold text-white disabled:opacity-60">
        {submitLabel}
      </button>
      <Message state={state} />
    </form>
  );
}

/** 上移 / 下移 / 删除 for one section, each a small form. */
export function SectionRowActions({ id, name, move, remove }: { id: number; name: string; move: Action; remove: Action }) {
  const [moveState, moveDispatch, movePending] = useActionState(move, null);
  const [deleteState, deleteDispatch, deletePending] = useActionState(remove, null);
  const btn = 'rounded border border-line px-2 py-0.5 text-sm disabled:opacity-60';
  return (
    <div className="flex flex-wrap items-center gap-1">
      <form action={moveDispatch} onSubmit={submitKeepingInput(moveDispatch)} className="contents">
        <input type="hidden" name="id" value={id} />
        <button type="submit" name="direction" value="up" disabled={movePending} className={btn} aria-label={`上移 ${name}`}>
          上移
        </button>
        <button type="submit" name="direction" value="down" disabled={movePending} className={btn} aria-label={`下移 ${name}`}>
          下移
        </button>
      </form>
      <form
        action={deleteDispatch}
        className="contents"
        onSubmit={(e) => {
          if (!window.confirm(`确定删除栏目“${name}”吗?`)) e.preventDefault();
          else submitKeepingInput(deleteDispatch)(e);
        }}
      >
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={deletePending} className={`${btn} text-brand`} aria-label={`删除 ${name}`}>
          删除
        </button>
      </form>
      {moveState && !moveState.ok && <Message state={moveState} />}
      <Message state={deleteState} />
    </div>
  );
}
