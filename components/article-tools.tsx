'use client';

import { useState } from 'react';

const SIZES = [
  { key: 'large', label: '大' },
  { key: 'medium', label: '中' },
  { key: 'small', label: '小' },
] as const;
type Size = (typeof SIZES)[number]['key'];

/** 字号 大 中 小 and 打印: changes the article body's type size in place, prints the article alone. */
export function ArticleTools({ bodyId }: { bodyId: string }) {
  const [size, setSize] = useState<Size>('medium');
  function choose(next: Size) {
    setSize(next);
    document.getElementById(bodyId)?.setAttribute('data-size', next);
  }
  return (
    <div className="no-print flex flex-wrap items-center gap-2 text-sm text-muted">
      <span id="font-size-label">字号:</span>
      <div role="group" aria-labelledby="font-size-label" className="flex gap-1">
        {SIZES.map((s) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={size === s.key}
            onClick={() => choose(s.key)}
            className={`h-8 min-w-8 border px-2 ${size === s.key ? 'border-brand bg-brand text-white' : 'border-line bg-white text-ink hover:border-brand'}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => window.print()} className="h-8 border border-line bg-white px-3 text-ink hover:border-brand">
        打印本页
      </button>
    </div>
  );
}
