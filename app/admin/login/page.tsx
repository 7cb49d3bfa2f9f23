import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/admin/login-form';
import { getSessionUser } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/auth/return-path';
import { siteConfig } from '@/lib/site-config';

export const metadata: Metadata = { title: '工作人员登录' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const from = safeReturnPath(typeof params.from === 'string' ? params.from : null) ?? '/admin';
  // Already signed in (and still valid): nothing to do here.
  if (await getSessionUser()) redirect(from);
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 pt-[12vh]">
      <div className="w-full max-w-sm rounded-lg border border-line bg-white p-8 shadow-sm">
        <p className="text-sm text-muted">{siteConfig.name}</p>
        <h1 className="mb-6 text-2xl font-bold">工作人员登录</h1>
        <LoginForm from={from} />
      </div>
    </main>
  );
}
