import { getServableFile } from '@/db/queries/article-files';
import { getSessionUser } from '@/lib/auth/session';
import { parsePositiveId } from '@/lib/params';
import type { ServedFile } from './serve-file';

/**
 * Which stored file `/media/files/<id>/<name>` (or `/<id>/captions`) may answer with, or
 * null for 404. The attachment row decides, never the URL: its name must be the row's (one URL
 * per file), and the file is given out only while the article is visible to readers
 * (db/visibility.ts) or to signed-in staff, who attach files to drafts and preview them.
 */
export async function articleMedia(rawId: string, want: { file: string } | 'captions'): Promise<ServedFile | null> {
  const id = parsePositiveId(rawId);
  const row = id === null ? undefined : await getServableFile(id);
  if (!row) return null;
  if (want !== 'captions' && !sameName(want.file, row.fileName)) return null;
  if (!row.publiclyVisible && !(await getSessionUser())) return null;
  // Public answers may sit in caches briefly: a withdrawn article's files stop within minutes.
  const cacheControl = row.publiclyVisible ? 'public, max-age=300' : 'private, no-store';
  if (want === 'captions') {
    if (!row.captions) return null;
    return { ...row.captions, fileName: `${stem(row.fileName)}.vtt`, disposition: 'inline', cacheControl };
  }
  // <video> needs the file inline; attachments are always downloads, never opened in our origin.
  return { hash: row.hash, mime: row.mime, bytes: row.bytes, fileName: row.fileName, disposition: row.kind === 'video' ? 'inline' : 'attachment', cacheControl };
}

/** The router may hand the segment over still percent-encoded or already decoded. */
function sameName(segment: string, fileName: string): boolean {
  if (segment.normalize('NFC') === fileName) return true;
  try {
    return decodeURIComponent(segment).normalize('NFC') === fileName;
  } catch {
    return false;
  }
}

function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
