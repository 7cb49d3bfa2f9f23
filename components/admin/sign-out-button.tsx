'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // redirect:false, then a same-origin navigation: next-auth's own redirect would use
        // NEXTAUTH_URL, which may name the public host rather than the one in the address bar.
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.assign('/admin/login');
      }}
      className="rounded border border-line px-3 py-1 text-sm hover:border-brand hover:text-brand disabled:opacity-60"
    >
      退出登录
    </button>
  );
}
