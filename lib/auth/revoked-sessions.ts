import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { revokedSessions } from '@/db/schema';
import { SESSION_MAX_AGE_SECONDS } from './config';

/**
 * Server-side sign-out. A session token is a self-contained JWT, so clearing the cookie alone
 * leaves any copy of it (saved by malware, a shared machine, a proxy log) valid until it expires.
 * Signing out therefore records the token's session id here, and every session check refuses it.
 *
 * Why a deny-list of session ids and not a bump of the user's tokenVersion: a bump ends every
 * session of that user (the phone, the newsroom PC), which is what a password change or a
 * disable wants but not what "退出登录" on one browser means. The list stays small: a row lives
 * only until the token's 12-hour limit, after which the token is refused anyway.
 *
 * The id is our own `sid` claim, set once at sign-in, not next-auth's `jti`: next-auth re-issues
 * the cookie with a fresh jti on every session refresh, so revoking the current jti would leave
 * every earlier copy of the same session valid.
 */
export function newSessionId(): string {
  return crypto.randomUUID();
}

/** When a session that started at `since` (epoch ms) stops being accepted regardless. */
export function sessionExpiry(since: number): Date {
  return new Date(since + SESSION_MAX_AGE_SECONDS * 1000);
}

export async function revokeSession(sid: string, expiresAt: Date, now = new Date()): Promise<void> {
  const db = getDb();
  // Pruning on write keeps the table at the sign-outs of the last 12 hours without a timer.
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
  if (expiresAt.getTime() <= now.getTime()) return;
  await db.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
}

export async function isSessionRevoked(sid: string): Promise<boolean> {
  const rows = await getDb().select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid)).limit(1);
  return rows.length > 0;
}
