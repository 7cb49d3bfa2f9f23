'use client';

import { signIn } from 'next-auth/react';
import { useId, useRef, useState } from 'react';

/** Turns next-auth's error string into what the staff member should read. */
function loginErrorMessage(error: string, now: number): string {
  const waitUntil = (prefix: string, fallbackMinutes: number) => {
    const until = Number(error.slice(prefix.length));
    const minutes = Number.isFinite(until) ? Math.max(1, Math.ceil((until - now) / 60_000)) : fallbackMinutes;
    return minutes < 60 ? `${minutes} 分钟` : `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`;
  };
  if (error.startsWith('locked:')) {
    return `登录失败次数过多,该账号在当前网络地址已被暂时锁定,请约 ${waitUntil('locked:', 10)}后再试。`;
  }
  // The username-wide slow-down: many failures from several addresses, so a short pause for everyone.
  if (error.startsWith('cooldown:')) {
    return `该账号近期登录失败次数较多,请约 ${waitUntil('cooldown:', 1)}后再试。`;
  }
  if (error === 'CredentialsSignin') return '用户名或密码错误。';
  return '登录暂时无法完成,请稍后再试。';
}

export function LoginForm({ from }: { from: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // An empty field is a slip, not an attempt: don't spend one of the five tries on it.
    if (!String(form.get('username') ?? '').trim() || !String(form.get('password') ?? '')) {
      setError('请输入用户名和密码。');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result && !result.error && result.ok) {
        // A full load, so the staff layout renders with the new session from the first byte.
        window.location.assign(from);
        return;
      }
      setError(loginErrorMessage(result?.error ?? '', Date.now()));
    } catch {
      setError('无法连接服务器,请检查网络后重试。');
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = '';
      passwordRef.current.focus();
    }
  }

  const field =
    'mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-ink focus:border-brand focus:outline-none';
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-describedby={error ? errorId : undefined}>
      {error ? (
        <p id={errorId} role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="login-username" className="block text-sm font-medium">
          用户名
        </label>
        <input id="login-username" name="username" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required className={field} />
      </div>
      <div>
        <label htmlFor="login-password" className="block text-sm font-medium">
          密码
        </label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required ref={passwordRef} className={field} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
      >
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
