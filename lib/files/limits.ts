/**
 * Upload limits for attachments and videos, apart from the file store so the front door
 * (server.ts, lib/http/body-limit.ts) can bound upload bodies without loading the store.
 */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const DEFAULT_VIDEO_MAX_MB = 200;

/** VIDEO_MAX_MB (default 200): newsrooms with larger clips raise it with the proxy's limit. */
export function maxVideoBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.VIDEO_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_VIDEO_MAX_MB) * 1024 * 1024;
}

/** The most an upload to /api/files may send: the body is the file itself, no form around it. */
export function maxFileUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(MAX_ATTACHMENT_BYTES, maxVideoBytes(env));
}

/** What staff read when a file is too large (front door and upload route say the same). */
export function fileTooLargeMessage(env: NodeJS.ProcessEnv = process.env): string {
  return `文件过大:附件不能超过 50 MB,视频不能超过 ${Math.round(maxVideoBytes(env) / 1024 / 1024)} MB。`;
}
