import type http from 'node:http';
import { fileTooLargeMessage, maxFileUploadBytes } from '@/lib/files/limits';
import { MAX_IMAGE_BYTES, MULTIPART_OVERHEAD_BYTES } from '@/lib/images/limits';
import { jsonAnswer, sendAnswer, type HttpAnswer } from './front-door-types';

/**
 * Request bodies are bounded in the front door (server.ts), byte by byte as they arrive, for
 * every route: a declared Content-Length says nothing about a chunked body, and Next's route
 * handlers (request.formData()), next-auth and server actions read whatever comes whole into
 * memory before any check of theirs runs.
 */
export const BODY_LIMITS = {
  /** An image of up to 10 MB in a multipart form (app/api/images/route.ts). */
  imageUpload: MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES,
  /** next-auth's sign-in form and its other POSTs: a CSRF token, a username, a password, a URL. */
  auth: 16 * 1024,
  /** Other machine endpoints take small JSON (the internal revalidate and scheduler calls). */
  api: 64 * 1024,
  /**
   * Anything else is a server action posted to a page URL. Next's own limit for those
   * (serverActions.bodySizeLimit, default 1 MB; next.config.ts leaves it) applies only after
   * its parser has taken the body, and answers 500; this one answers 413 first.
   * tests/body-limit.test.ts checks the two agree.
   */
  page: 1024 * 1024,
} as const;

/** The most a request to this URL may send. */
export function bodyLimitFor(url: string): number {
  const path = url.split('?', 1)[0]!;
  if (path === '/api/images') return BODY_LIMITS.imageUpload;
  // Attachments and videos (app/api/files/route.ts): the body is the file; the route streams it
  // to disk and applies each type's own limit as the bytes arrive.
  if (path === '/api/files') return maxFileUploadBytes();
  if (path === '/api/auth' || path.startsWith('/api/auth/')) return BODY_LIMITS.auth;
  if (path.startsWith('/api/')) return BODY_LIMITS.api;
  return BODY_LIMITS.page;
}

function tooLargeAnswer(url: string): HttpAnswer {
  if (url.startsWith('/api/')) {
    const error = url.startsWith('/api/images') ? '图片不能超过 10 MB。' : url.startsWith('/api/files') ? fileTooLargeMessage() : '请求内容过大。';
    return jsonAnswer(413, { error });
  }
  return {
    kind: 'answer',
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    body: '请求内容过大。',
  };
}

/** How long a refused connection stays open after its 413, so the client can read it. */
const LINGER_MS = 1_000;

/**
 * Answers 413 and closes the connection; whoever was reading the body (Next) sees the request
 * aborted instead of waiting for bytes that will not come. Closing a socket with unread bytes
 * makes the kernel send a reset, and a client still uploading would lose the answer with it, so,
 * like nginx's lingering close, the socket is half-closed after the answer and destroyed a moment
 * later; meanwhile the rest of the body is not read (or, if Node drains it, discarded).
 */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, url: string): void {
  const socket = req.socket;
  if (res.headersSent) {
    req.destroy();
    return;
  }
  res.setHeader('Connection', 'close');
  // Node ends a `Connection: close` socket with destroySoon() once the answer is written.
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  sendAnswer(res, tooLargeAnswer(url), req.method);
}

/**
 * Bounds the request's body to `limit` bytes. Returns false when it has already answered 413
 * (a declared Content-Length over the limit); otherwise the body passes through untouched until
 * the limit is crossed, whenever and by whoever it is read.
 *
 * Bytes are counted where the HTTP parser hands them to the request stream (its push()), not by
 * listening for 'data': a listener would switch the stream to flowing mode and chunks could be
 * gone before Next attaches its own reader. Counting at push() sees every byte as it arrives,
 * chunked or not, and holds back nothing.
 */
export function limitRequestBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number, url = req.url ?? '/'): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse(req, res, url);
    return false;
  }
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (refused) return false;
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as { length: number }).length;
      if (received > limit) {
        refused = true;
        refuse(req, res, url);
        // false makes the parser stop reading the socket: the rest of the body stays unread.
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
