/** The result line under a users-page form: announced politely, red when it failed. */
export function FormStatus({ state }: { state: { ok: boolean; message: string } | null }) {
  return (
    <p role="status" className={`min-h-5 text-sm ${state?.ok === false ? 'text-red-700' : 'text-green-800'}`}>
      {state?.message ?? ''}
    </p>
  );
}

export const inputClass = 'rounded border border-gray-400 bg-white px-2 py-1.5 text-sm focus:border-brand focus:outline-none';
export const buttonClass = 'rounded border border-gray-400 bg-white px-3 py-1.5 text-sm hover:border-brand hover:text-brand disabled:opacity-60';
export const primaryButtonClass = 'rounded bg-brand px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60';
