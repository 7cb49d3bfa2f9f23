'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import {
  attachFileAction,
  detachFileAction,
  type FileActionResult,
  moveFileAction,
  setVideoCaptionsAction,
  setVideoPosterAction,
} from '@/app/admin/articles/file-actions';
import type { ArticleFileItem } from '@/db/queries/article-files';
import { fileTypeLabel, formatFileSize } from '@/lib/files/file-types';
import { articleFilePath, fileUploadPath } from '@/lib/routes';
import { uploadImage } from './image-upload-panel';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.ofd,.zip,.txt,.mp4,.m4v,.webm';

/** Sends the file itself as the body (streamed to disk on the server); the stored hash comes back. */
async function uploadFile(articleId: number, file: File): Promise<{ ok: true; hash: string } | { ok: false; message: string }> {
  try {
    const response = await fetch(fileUploadPath(articleId, file.name), {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    const data = (await response.json().catch(() => ({}))) as { hash?: string; error?: string };
    if (!response.ok || !data.hash) return { ok: false, message: data.error ?? `上传失败(${response.status})。` };
    return { ok: true, hash: data.hash };
  } catch {
    return { ok: false, message: '上传失败:网络错误。' };
  }
}

/**
 * The article's 附件 and videos in the editor: upload and attach, reorder, remove, and for a
 * video its poster image and WebVTT captions. Every change is saved at once (no 保存 needed)
 * and, when readers can see the article, refreshes its public page.
 */
export function ArticleFilesPanel({ articleId, files, readOnly }: { articleId: number; files: ArticleFileItem[]; readOnly: boolean }) {
  const router = useRouter();
  const ids = { file: useId(), heading: useId() };
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function run(step: () => Promise<FileActionResult | { ok: false; message: string }>) {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      const result = await step();
      if (result.ok) {
        setStatus(result.message);
        router.refresh();
      } else setError(result.message);
    } catch {
      setError('操作失败,请刷新页面后重试。');
    } finally {
      setBusy(false);
    }
  }

  function addFile() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError('请选择要上传的文件。');
    void run(async () => {
      setStatus(`正在上传“${file.name}”…`);
      const uploaded = await uploadFile(articleId, file);
      if (!uploaded.ok) return uploaded;
      const result = await attachFileAction({ articleId, hash: uploaded.hash, fileName: file.name });
      if (result.ok && fileRef.current) fileRef.current.value = '';
      return result;
    });
  }

  return (
    <section aria-labelledby={ids.heading} className="space-y-3 rounded border border-line bg-white p-4">
      <h2 id={ids.heading} className="text-lg font-bold">
        附件与视频
      </h2>
      {files.length === 0 ? (
        <p className="text-sm text-muted">这篇稿件还没有附件或视频。</p>
      ) : (
        <ol className="space-y-3">
          {files.map((file, index) => (
            <li key={file.id} className="rounded border border-line p-2">
              <p>
                <a href={articleFilePath(file.id, file.fileName)}>{file.fileName}</a>
                <span className="ml-2 text-sm text-muted">
                  {fileTypeLabel(file.mime, file.fileName)},{formatFileSize(file.bytes)}
                </span>
              </p>
              {!readOnly && (
                <div className="mt-1 flex flex-wrap gap-2 text-sm">
                  <button type="button" disabled={busy || index === 0} onClick={() => run(() => moveFileAction({ articleFileId: file.id, direction: 'up' }))} aria-label={`上移 ${file.fileName}`}>
                    上移
                  </button>
                  <button type="button" disabled={busy || index === files.length - 1} onClick={() => run(() => moveFileAction({ articleFileId: file.id, direction: 'down' }))} aria-label={`下移 ${file.fileName}`}>
                    下移
                  </button>
                  <button type="button" disabled={busy} onClick={() => run(() => detachFileAction({ articleFileId: file.id }))} aria-label={`移除 ${file.fileName}`}>
                    移除
                  </button>
                </div>
              )}
              {file.kind === 'video' && <VideoExtras file={file} readOnly={readOnly} busy={busy} run={run} articleId={articleId} />}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor={ids.file}>添加文件</label>
          <input id={ids.file} ref={fileRef} type="file" accept={ACCEPT} />
          <button type="button" onClick={addFile} disabled={busy} className="rounded bg-brand px-3 py-1 text-white disabled:opacity-60">
            {busy ? '处理中…' : '上传并添加'}
          </button>
          <span className="text-muted">附件:PDF、Word、Excel、PowerPoint、WPS、OFD、ZIP、TXT,不超过 50 MB;视频:MP4、WebM</span>
        </div>
      )}
      <p role="status" className="text-sm">
        {status}
      </p>
      <p role="alert" className="text-sm text-red-700">
        {error}
      </p>
    </section>
  );
}

type Run = (step: () => Promise<FileActionResult | { ok: false; message: string }>) => Promise<void>;

/** A video's poster image and captions. */
function VideoExtras({ file, readOnly, busy, run, articleId }: { file: ArticleFileItem; readOnly: boolean; busy: boolean; run: Run; articleId: number }) {
  const ids = { poster: useId(), captions: useId() };
  const posterRef = useRef<HTMLInputElement>(null);
  const captionsRef = useRef<HTMLInputElement>(null);

  function setPoster() {
    const image = posterRef.current?.files?.[0];
    if (!image) return;
    void run(async () => {
      const uploaded = await uploadImage(image);
      if (!uploaded.ok) return uploaded;
      return setVideoPosterAction({ articleFileId: file.id, posterUrl: uploaded.url });
    });
  }

  function setCaptions() {
    const vtt = captionsRef.current?.files?.[0];
    if (!vtt) return;
    void run(async () => {
      const uploaded = await uploadFile(articleId, vtt);
      if (!uploaded.ok) return uploaded;
      return setVideoCaptionsAction({ articleFileId: file.id, captionsHash: uploaded.hash });
    });
  }

  return (
    <div className="mt-2 grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
      <span>封面图</span>
      <div className="flex flex-wrap items-center gap-2">
        {file.posterImage ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={file.posterImage} alt="视频封面预览" width={120} height={68} className="rounded object-cover" />
        ) : (
          <span className="text-muted">未设置</span>
        )}
        {!readOnly && (
          <>
            <label htmlFor={ids.poster} className="sr-only">
              选择封面图片
            </label>
            <input id={ids.poster} ref={posterRef} type="file" accept="image/jpeg,image/png,image/webp" onChange={setPoster} disabled={busy} />
            {file.posterImage && (
              <button type="button" disabled={busy} onClick={() => run(() => setVideoPosterAction({ articleFileId: file.id, posterUrl: null }))}>
                移除封面图
              </button>
            )}
          </>
        )}
      </div>
      <span>字幕</span>
      <div className="flex flex-wrap items-center gap-2">
        <span className={file.hasCaptions ? '' : 'text-muted'}>{file.hasCaptions ? '已添加中文字幕' : '未添加'}</span>
        {!readOnly && (
          <>
            <label htmlFor={ids.captions} className="sr-only">
              选择 WebVTT 字幕文件
            </label>
            <input id={ids.captions} ref={captionsRef} type="file" accept=".vtt,text/vtt" onChange={setCaptions} disabled={busy} />
            {file.hasCaptions && (
              <button type="button" disabled={busy} onClick={() => run(() => setVideoCaptionsAction({ articleFileId: file.id, captionsHash: null }))}>
                移除字幕
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
