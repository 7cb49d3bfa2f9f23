import fs from 'node:fs';
import { Readable } from 'node:stream';
import { contentDisposition } from './content-disposition';
import { storedFilePath } from './file-store';
import { parseRange } from './range';

export type ServedFile = {
  hash: string;
  mime: string;
  bytes: number;
  fileName: string;
  /** Downloads are attachments; videos and their captions play in the page, so inline. */
  disposition: 'attachment' | 'inline';
  /** Public files may be kept by caches a while; staff-only ones never. */
  cacheControl: string;
};

/**
 * A stored file as an HTTP answer, streamed from disk: the whole file (200), one byte range
 * (206 with Content-Range) or 416 past the end; 304 when the client's copy is current. The
 * content hash is the ETag, so a resumed download or a seek can never mix two versions.
 */
export function serveStoredFile(request: Request, file: ServedFile): Response {
  const etag = `"${file.hash}"`;
  const headers: Record<string, string> = {
    'Content-Type': file.mime,
    'Content-Disposition': contentDisposition(file.disposition, file.fileName),
    'X-Content-Type-Options': 'nosniff',
    // Even if a crafted file were ever stored, it cannot run script in our origin.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': file.cacheControl,
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  // A Range under If-Range applies only while the file is the one the client started with.
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? ({ kind: 'whole' } as const) : parseRange(request.headers.get('range'), file.bytes);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.bytes}` } });
  }
  const [start, end, status] = range.kind === 'partial' ? [range.start, range.end, 206] : [0, file.bytes - 1, 200];
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${file.bytes}`;
  if (request.method === 'HEAD' || file.bytes === 0) return new Response(null, { status, headers });
  const stream = fs.createReadStream(storedFilePath(file.hash), { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
