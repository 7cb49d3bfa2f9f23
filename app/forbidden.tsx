import Link from 'next/link';

// Rendered with HTTP 403 when a signed-in staff member lacks the role a page or action needs.
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">没有访问权限</h1>
      <p className="mt-3 text-muted">您的账号角色无权查看此页面或执行此操作。如需权限,请联系管理员。</p>
      <p className="mt-6">
        <Link href="/admin">
          {/* Styled on a span: the global `a` rule outranks utility classes on the link itself. */}
          <span className="text-brand underline">返回管理后台</span>
        </Link>
      </p>
    </main>
  );
}
