import { siteConfig } from '@/lib/site-config';

/** Sessions end 12 hours after sign-in at the latest (a working day plus some). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Secure cookies whenever the site is served over https (production); plain http only in development. */
export const SECURE_COOKIES = siteConfig.url.startsWith('https://');

export const SESSION_COOKIE = `${SECURE_COOKIES ? '__Secure-' : ''}next-auth.session-token`;

export const LOGIN_PATH = '/admin/login';

/** next-auth builds its absolute URLs from NEXTAUTH_URL: derive it from the one site URL setting. */
export function ensureNextAuthUrl(): void {
  process.env.NEXTAUTH_URL ||= siteConfig.url;
}
