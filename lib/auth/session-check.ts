import { getUserById } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { SESSION_MAX_AGE_SECONDS } from './config';
import { isSessionRevoked } from './revoked-sessions';

export type SessionUser = { id: number; username: string; displayName: string; role: Role };

/**
 * What the session JWT carries: who, which token generation of that user it belongs to, when the
 * sign-in happened, and the session's own id (the one sign-out revokes).
 */
export type SessionClaims = { uid?: unknown; tv?: unknown; since?: unknown; sid?: unknown };

/**
 * Turns decoded token claims into the signed-in user, or null when the token no longer stands:
 * the user was deleted or disabled, their tokenVersion moved on (password change, disable), or
 * this session was signed out (revoked-sessions.ts). Role and names always come from the
 * database, so a role change applies on the next request.
 */
export async function userForClaims(claims: SessionClaims | null | undefined, now = Date.now()): Promise<SessionUser | null> {
  if (!claims || typeof claims.uid !== 'number' || typeof claims.tv !== 'number') return null;
  // A token without a session id could never be revoked by signing out: not accepted.
  if (typeof claims.sid !== 'string' || !claims.sid) return null;
  // An absolute limit: a token re-issued by next-auth still ends 12 h after the sign-in itself.
  if (typeof claims.since !== 'number' || now - claims.since > SESSION_MAX_AGE_SECONDS * 1000) return null;
  if (await isSessionRevoked(claims.sid)) return null;
  const user = await getUserById(claims.uid);
  if (!user || user.disabled || user.tokenVersion !== claims.tv) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}
