/**
 * Who is signed in, and the role checks every staff page, server action and route handler runs.
 *
 * CONTRACT (read this before writing an admin page, action or handler):
 *
 *   Server action / route handler:  const user = await authorizeAction('editor');
 *     First line, before parsing input. Signed out or session no longer valid -> HTTP 401;
 *     role too low -> HTTP 403; nothing after it runs. It throws Next's unauthorized()/forbidden()
 *     interrupts (experimental.authInterrupts in next.config.ts), which Next turns into a real
 *     401/403 response for actions and handlers. Do NOT wrap it in try/catch (or rethrow with
 *     `unstable_rethrow` from next/navigation), or the interrupt is swallowed.
 *
 *   Page / layout:  const user = await authorizePage('reporter');
 *     Signed out or session invalid -> redirect to /admin/login?from=<this path>;
 *     role too low -> forbidden() (403 page, app/forbidden.tsx).
 *
 *   Library code and tests:  getSessionUser() returns the user or null.
 *
 * Every call re-reads the user from the database (exists, enabled, tokenVersion matches), so
 * disabling a user or changing their password ends all their sessions on their next request,
 * and checks the token's session id against the sign-outs (revoked-sessions.ts), so a copy of a
 * signed-out cookie opens nothing.
 * proxy.ts only redirects visitors with no session cookie; it is never the check that counts.
 */
import { cookies, headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import type { Role } from '@/db/schema';
import { SESSION_COOKIE } from './config';
import { loginUrl } from './return-path';
import { roleAtLeast } from './roles';
import { authSecret } from './secret';
import { userForClaims, type SessionUser } from './session-check';

export type { SessionUser } from './session-check';

/** The header proxy.ts sets with the requested admin path, so a page can send the visitor back after login. */
export const ADMIN_PATH_HEADER = 'x-admin-path';

export async function getSessionUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  let claims;
  try {
    claims = await decode({ token, secret: authSecret() });
  } catch {
    // Tampered, expired, or signed with a secret that has since changed: simply signed out.
    return null;
  }
  return userForClaims(claims);
}

/** For server actions and route handlers: a real 401/403 response when the check fails. */
export async function authorizeAction(min: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) unauthorized();
  if (!roleAtLeast(user.role, min)) forbidden();
  return user;
}

/** For admin pages and layouts: signed-out visitors go to the login page and come back afterwards. */
export async function authorizePage(min: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const from = (await headers()).get(ADMIN_PATH_HEADER);
    redirect(loginUrl(from));
  }
  if (!roleAtLeast(user.role, min)) forbidden();
  return user;
}
