'use client';

import { useActionState } from 'react';
import type { RestoreState } from '@/app/admin/articles/editor-actions';

/** 恢复此版本: a save of the revision's content, refused if the article changed meanwhile. */
export function RestoreRevisionForm({
  action,
  articleId,
  revisionId,
  version,
}: {
  action: (prev: RestoreState, form: FormData) => Promise<RestoreState>;
  articleId: number;
  revisionId: number;
  version: number;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending || state?.ok} className="rounded bg-brand px-3 py-1.5 text-sm font-bold text-white disabled:opacity-60">
        {pending ? '恢复中…' : '恢复此版本'}
      </button>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
