'use client';

import { useId, useRef, useState } from 'react';

export type UploadedImage = { url: string; alt: string; caption: string };

/** Uploads one image to /api/images; alt text is required before anything is inserted. */
export async function uploadImage(file: File): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const body = new FormData();
  body.append('file', file);
  try {
    const response = await fetch('/api/images', { method: 'POST', body });
    const data = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
    if (!response.ok || !data.url) return { ok: false, message: data.error ?? `上传失败(${response.status})。` };
    return { ok: true, url: data.url };
  } catch {
    return { ok: false, message: '上传失败:网络错误。' };
  }
}

export function ImageUploadPanel({
  onInsert,
  label,
  withCaption = true,
  submitLabel = '上传并插入',
}: {
  onInsert: (image: UploadedImage) => void;
  label: string;
  withCaption?: boolean;
  submitLabel?: string;
}) {
  const ids = { file: useId(), alt: useId(), caption: useId(), error: useId() };
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError('请选择图片文件。');
    if (!alt.trim()) return setError('请填写替代文字:它告诉看不见图片的读者图片里有什么。');
    setBusy(true);
    setError('');
    const result = await uploadImage(file);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onInsert({ url: result.url, alt: alt.trim(), caption: caption.trim() });
    setAlt('');
    setCaption('');
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <div className="grid gap-2 border-t border-line p-2 text-sm sm:grid-cols-[auto_1fr]" role="group" aria-label={label}>
      <label htmlFor={ids.file}>图片文件</label>
      <input id={ids.file} ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby={ids.error} />
      <label htmlFor={ids.alt}>替代文字(必填)</label>
      <input id={ids.alt} value={alt} onChange={(e) => setAlt(e.target.value)} required className="rounded border border-line px-2 py-1" />
      {withCaption && (
        <>
          <label htmlFor={ids.caption}>图片说明</label>
          <input id={ids.caption} value={caption} onChange={(e) => setCaption(e.target.value)} className="rounded border border-line px-2 py-1" />
        </>
      )}
      <div className="sm:col-start-2">
        <button type="button" onClick={submit} disabled={busy} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-60">
          {busy ? '上传中…' : submitLabel}
        </button>
        <span className="ml-2 text-muted">JPEG、PNG、WebP 或 GIF,不超过 10 MB</span>
        <p id={ids.error} role="alert" className="mt-1 text-red-700">{error}</p>
      </div>
    </div>
  );
}
