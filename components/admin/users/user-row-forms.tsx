'use client';

import { useActionState, useEffect, useRef } from 'react';
import { buttonClass, FormStatus, inputClass } from './form-status';

type State = { ok: boolean; message: string } | null;
type Action = (prev: State, form: FormData) => Promise<State>;

export function RoleForm({ action, userId, username, role, roles }: { action: Action; userId: number; username: string; role: string; roles: Array<{ value: string; label: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="text-sm">
        <span className="sr-only">{username} 的</span>角色
        <select name="role" defaultValue={role} className={`ml-2 ${inputClass}`}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        修改角色
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function DisableForm({ action, userId, username, disabled }: { action: Action; userId: number; username: string; disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" disabled={pending} className={buttonClass} aria-label={`${disabled ? '启用' : '停用'} ${username}`}>
        {disabled ? '启用' : '停用'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ResetPasswordForm({ action, userId, username }: { action: Action; userId: number; username: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="text-sm">
        <span className="sr-only">{username} 的</span>新密码
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={`ml-2 w-44 ${inputClass}`} />
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        重置密码
      </button>
      <FormStatus state={state} />
    </form>
  );
}
