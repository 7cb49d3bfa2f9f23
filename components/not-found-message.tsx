import { HOME_PATH } from '@/lib/routes';

/** The body of the site's 404 page, shared by the root and the (site) not-found boundaries. */
export function NotFoundMessage() {
  return (
    <div className="border border-line bg-white px-6 py-12 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-muted">您访问的页面不存在或已被删除,请检查网址是否正确。</p>
      <p className="mt-6">
        <a href={HOME_PATH} className="inline-block bg-brand px-5 py-2 text-white hover:text-white">
          返回首页
        </a>
      </p>
    </div>
  );
}
