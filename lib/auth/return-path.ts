import { LOGIN_PATH } from './config';

/**
 * Only paths on this site may be a post-login destination (no `//evil.example`, no `/\evil`,
 * no scheme), so the login page cannot be used as an open redirect.
 */
export function safeReturnPath(from: string | null | undefined): string | null {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.includes('\\')) return null;
  if (/[\u0000-\u001f]/.test(from)) return null;
  if (from === LOGIN_PATH || from.startsWith(`${LOGIN_PATH}?`) || from.startsWith(`${LOGIN_PATH}/`)) return null;
  return from;
}

export function loginUrl(from: string | null | undefined): string {
  return from && safeReturnPath(from) ? `${LOGIN_PATH}?from=${encodeURIComponent(from)}` : LOGIN_PATH;
}
