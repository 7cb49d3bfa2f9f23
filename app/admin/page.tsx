import { authorizePage } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

// Placeholder until the newsroom dashboard lands (it replaces this file).
export default async function AdminHomePage() {
  const user = await authorizePage('reporter');
  return (
    <div>
      <h1 className="text-2xl font-bold">仪表盘</h1>
      <p className="mt-2 text-muted">欢迎,{user.displayName}。</p>
    </div>
  );
}
