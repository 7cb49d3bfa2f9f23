import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getUserById } from '@/db/queries/users';
import { recordAudit } from '@/lib/audit';
import { ipFromHeaders } from './client-ip';
import { ensureNextAuthUrl, LOGIN_PATH, SECURE_COOKIES, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from './config';
import { attemptLogin } from './login';
import { authSecret } from './secret';

/** Error string the login form turns into "已锁定,约 N 分钟后再试": `locked:<epoch ms>`. */
export const LOCKED_ERROR_PREFIX = 'locked:';

/**
 * next-auth configuration, built per request because the secret may come from the database
 * (see secret.ts) and must not be read at import time, during `next build`.
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
          return null;
        },
      }),
    ],
    callbacks: {
      // The token carries only ids and the sign-in time; everything else is read from the database per request.
      async jwt({ token, user }) {
        if (user && 'uid' in user) {
          return { sub: String(user.uid), uid: user.uid, tv: user.tv, since: Date.now() };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: typeof token.name === 'string' ? token.name : undefined } };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = typeof token?.uid === 'number' ? token.uid : null;
        const user = uid ? await getUserById(uid) : undefined;
        await recordAudit({ actorId: uid, actorName: user?.username ?? null, action: 'logout' });
      },
    },
  };
}
