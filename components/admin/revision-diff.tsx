import type { DiffSection } from '@/lib/workflow/revision-diff';

/** Field-by-field differences: removed text struck through in red, added text underlined in green. */
export function RevisionDiff({ sections }: { sections: DiffSection[] }) {
  const changed = sections.filter((s) => s.changed);
  if (changed.length === 0) return <p className="text-sm text-muted">该修订与当前内容相同。</p>;
  return (
    <dl className="space-y-4">
      {changed.map((s) => (
        <div key={s.label}>
          <dt className="font-bold">{s.label}</dt>
          <dd className="mt-1 rounded border border-line bg-paper p-3 text-[15px] leading-relaxed whitespace-pre-wrap">
            {s.parts.map((p, i) =>
              p.kind === 'added' ? (
                <ins key={i} className="bg-green-100 text-green-900">
                  {p.text}
                </ins>
              ) : p.kind === 'removed' ? (
                <del key={i} className="bg-red-100 text-red-900">
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
