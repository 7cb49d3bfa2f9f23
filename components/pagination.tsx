type Props = { basePath: string; page: number; totalPages: number; query?: Record<string, string> };

function href(basePath: string, page: number, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Numbered pages around the current one, with first/previous/next/last. */
export function Pagination({ basePath, page, totalPages, query }: Props) {
  if (totalPages <= 1) return null;
  const from = Math.max(1, page - 2);
  const to = Math.min(totalPages, page + 2);
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <nav aria-label="分页" className="no-print pager mt-6">
      <ul className="flex flex-wrap items-center justify-center gap-1.5 text-sm">
        {page > 1 && (
          <>
            <li><a href={href(basePath, 1, query)}>首页</a></li>
            <li><a href={href(basePath, page - 1, query)} rel="prev">上一页</a></li>
          </>
        )}
        {numbers.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={href(basePath, n, query)}>{n}</a>
            )}
          </li>
        ))}
        {page < totalPages && (
          <>
            <li><a href={href(basePath, page + 1, query)} rel="next">下一页</a></li>
            <li><a href={href(basePath, totalPages, query)}>末页</a></li>
          </>
        )}
      </ul>
      <p className="mt-2 text-center text-sm text-muted">
        第 {page} 页 / 共 {totalPages} 页
      </p>
    </nav>
  );
}
