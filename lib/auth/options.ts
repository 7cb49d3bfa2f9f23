import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getUserById } from '@/db/queries/users';
import { recordAudit } from '@/lib/audit';
import { ipFromHeaders } from './client-ip';
import { ensureNextAuthUrl, LOGIN_PATH, SECURE_COOKIES, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from './config';
import { attemptLogin } from './login';
import { newSessionId, revokeSession, sessionExpiry } from './revoked-sessions';
import { authSecret } from './secret';

/**
 * Error strings the login form turns into "已锁定,约 N 分钟后再试" (`locked:<epoch ms>`) and
 * "该账号登录尝试过多,请 N 分钟后再试" (`cooldown:<epoch ms>`, the username-wide slow-down).
 */
export const LOCKED_ERROR_PREFIX = 'locked:';
export const COOLDOWN_ERROR_PREFIX = 'cooldown:';

/**
 * next-auth configuration, built per request because the secret may be generated into the data
 * folder on first use (see secret.ts) and must not be read at import time, during `next build`.
 */
export function authOptions(): NextAuthOptions {
  ensureNextAuthUrl();
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: SECURE_COOKIES,
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: SECURE_COOKIES },
      },
    },
    pages: { signIn: LOGIN_PATH, error: LOGIN_PATH },
    providers: [
      CredentialsProvider({
        name: '用户名和密码',
        credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
        async authorize(credentials, req) {
          const result = await attemptLogin({
            username: typeof credentials?.username === 'string' ? credentials.username : '',
            password: typeof credentials?.password === 'string' ? credentials.password : '',
            ip: ipFromHeaders(req.headers ?? {}),
          });
          if (result.ok) {
            const { user } = result;
            return { id: String(user.id), name: user.displayName, uid: user.id, tv: user.tokenVersion };
          }
          // next-auth passes a thrown message to the client as `error`; null becomes CredentialsSignin.
          if (result.reason === 'locked') throw new Error(`${LOCKED_ERROR_PREFIX}${result.until.getTime()}`);
          if (result.reason === 'cooldown') throw new Error(`${COOLDOWN_ERROR_PREFIX}${result.until.getTime()}`);
          return null;
        },
      }),
    ],
    callbacks: {
      // The token carries only ids and the sign-in time; everything else is read from the database per request.
      async jwt({ token, user }) {
        if (user && 'uid' in user) {
          return { sub: String(user.uid), uid: user.uid, tv: user.tv, since: Date.now(), sid: newSessionId() };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: typeof token.name === 'string' ? token.name : undefined } };
      },
    },
    events: {
      // next-auth calls this with the decoded cookie before clearing it (JWT strategy). Clearing
      // the cookie is not enough: a saved copy would stay valid, so the session id is revoked.
      async signOut({ token }) {
        if (typeof token?.sid === 'string' && typeof token.since === 'number') {
          await revokeSession(token.sid, sessionExpiry(token.since));
        }
        const uid = typeof token?.uid === 'number' ? token.uid : null;
        const user = uid ? await getUserById(uid) : undefined;
        await recordAudit({ actorId: uid, actorName: user?.username ?? null, action: 'logout' });
      },
    },
  };
}
