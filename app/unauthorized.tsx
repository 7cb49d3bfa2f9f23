import Link from 'next/link';

// Rendered with HTTP 401 when a request needs a valid staff session and has none.
export default function Unauthorized() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">请先登录</h1>
      <p className="mt-3 text-muted">登录已失效或尚未登录,请重新登录后再试。</p>
      <p className="mt-6">
        <Link href="/admin/login">
          {/* Styled on a span: the global `a` rule outranks utility classes on the link itself. */}
          <span className="text-brand underline">前往登录</span>
        </Link>
      </p>
    </main>
  );
}
