import type { ArticleFileItem } from '@/db/queries/article-files';
import { fileTypeLabel, formatFileSize } from '@/lib/files/file-types';
import { articleFileCaptionsPath, articleFilePath } from '@/lib/routes';

/**
 * An article's videos and 附件. Videos never autoplay and load nothing until the reader presses
 * play (preload="none": a page with a 200 MB clip costs readers who skip it no bytes); their
 * captions are a <track>. Attachments are listed under 附件 with their type and size, each a
 * download that keeps its Chinese name.
 */
export function ArticleFiles({ files }: { files: ArticleFileItem[] }) {
  const videos = files.filter((f) => f.kind === 'video');
  const attachments = files.filter((f) => f.kind === 'attachment');
  return (
    <>
      {videos.map((video) => {
        const src = articleFilePath(video.id, video.fileName);
        return (
          <figure key={video.id} className="article-video mt-5">
            <video controls preload="none" poster={video.posterImage ?? undefined} className="w-full rounded bg-black">
              <source src={src} type={video.mime} />
              {video.hasCaptions && <track kind="captions" srcLang="zh" label="中文字幕" src={articleFileCaptionsPath(video.id)} />}
              <p>
                您的浏览器无法播放此视频,请<a href={src}>下载视频</a>观看。
              </p>
            </video>
            <figcaption className="mt-1 text-center text-sm text-muted">{stem(video.fileName)}</figcaption>
          </figure>
        );
      })}
      {attachments.length > 0 && (
        <section className="article-files mt-6 border-t border-line pt-4" aria-labelledby="article-files-heading">
          <h2 id="article-files-heading" className="text-lg font-bold">
            附件
          </h2>
          <ul className="mt-2 space-y-1">
            {attachments.map((file) => (
              <li key={file.id}>
                <a href={articleFilePath(file.id, file.fileName)}>{file.fileName}</a>
                <span className="ml-2 text-sm text-muted">
                  {fileTypeLabel(file.mime, file.fileName)},{formatFileSize(file.bytes)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
