'use client';

import { useActionState } from 'react';
import { FormStatus, inputClass, primaryButtonClass } from './form-status';

type State = { ok: boolean; message: string; values?: Record<string, string> } | null;
type Action = (prev: State, form: FormData) => Promise<State>;

export function CreateUserForm({ action, roles }: { action: Action; roles: Array<{ value: string; label: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  // React resets the form after each submission; a refused one comes back with its values (never the password).
  const values = state?.ok ? undefined : state?.values;
  return (
    <form action={formAction} aria-labelledby="create-user-heading" className="rounded border border-line p-4">
      <h2 id="create-user-heading" className="mb-3 text-lg font-bold">
        新建用户
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col text-sm">
          用户名
          <input name="username" defaultValue={values?.username} required autoComplete="off" spellCheck={false} className={inputClass} />
        </label>
        <label className="flex flex-col text-sm">
          显示名
          <input name="displayName" defaultValue={values?.displayName} required autoComplete="off" className={inputClass} />
        </label>
        <label className="flex flex-col text-sm">
          角色
          <select name="role" defaultValue={values?.role || 'reporter'} className={inputClass}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          初始密码(至少 12 个字符)
          <input name="password" type="password" required minLength={12} autoComplete="new-password" className={inputClass} />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          创建用户
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
