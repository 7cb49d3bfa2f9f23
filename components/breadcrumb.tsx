export type Crumb = { name: string; href: string };

/** 当前位置: 新闻 >> 龙泉新闻, each step a link. */
export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="当前位置" className="no-print text-sm text-muted">
      <span>当前位置: </span>
      {trail.map((c, i) => (
        <span key={c.href}>
          {i > 0 && <span aria-hidden="true"> &gt;&gt; </span>}
          <a href={c.href}>{c.name}</a>
        </span>
      ))}
    </nav>
  );
}
