import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/config';
import { attemptLogin } from '@/lib/auth/login';
import { authOptions } from '@/lib/auth/options';
import { revokeSession } from '@/lib/auth/revoked-sessions';
import { roleAtLeast } from '@/lib/auth/roles';
import { userForClaims } from '@/lib/auth/session-check';
import { changeStaffRole, createStaffUser, resetStaffPassword, setStaffDisabled } from '@/lib/auth/staff-accounts';
import { authSecret } from '@/lib/auth/secret';
import { useTestDatabase } from './helpers/test-db';

const PASSWORD = 'a-long-enough-password';
let cleanup: () => void;
let adminId: number;
let editorId: number;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-session-'));
/** A session id as sign-in would mint one; the tests below build claims by hand. */
const sid = () => crypto.randomUUID();

beforeAll(async () => {
  delete process.env.NEXTAUTH_SECRET;
  process.env.DATA_DIR = dataDir;
  ({ cleanup } = useTestDatabase({ seed: false }));
  const actor = { id: null, username: 'test' };
  adminId = (await createStaffUser(actor, { username: 'chief', displayName: '总编', role: 'admin', password: PASSWORD })).id!;
  editorId = (await createStaffUser(actor, { username: 'ed', displayName: '编辑甲', role: 'editor', password: PASSWORD })).id!;
});
afterAll(() => {
  cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('roles', () => {
  it('orders reporter < editor < admin', () => {
    expect(roleAtLeast('reporter', 'reporter')).toBe(true);
    expect(roleAtLeast('reporter', 'editor')).toBe(false);
    expect(roleAtLeast('editor', 'reporter')).toBe(true);
    expect(roleAtLeast('editor', 'admin')).toBe(false);
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('admin', 'admin')).toBe(true);
  });
});

describe('session tokens are checked against the database', () => {
  it('accepts a fresh token, then rejects it after a password change; the new token works', async () => {
    const login = await attemptLogin({ username: 'ed', password: PASSWORD, ip: null });
    if (!login.ok) throw new Error('login failed');
    const secret = authSecret();
    const jwt = await encode({ token: { uid: login.user.id, tv: login.user.tokenVersion, since: Date.now(), sid: sid() }, secret });
    const claims = await decode({ token: jwt, secret });
    expect(await userForClaims(claims)).toMatchObject({ id: editorId, username: 'ed', role: 'editor', displayName: '编辑甲' });

    const changed = await resetStaffPassword({ id: adminId, username: 'chief' }, editorId, 'another-long-password');
    expect(changed.ok).toBe(true);
    expect(await userForClaims(claims)).toBeNull();
    expect(await userForClaims({ uid: editorId, tv: login.user.tokenVersion + 1, since: Date.now(), sid: sid() })).not.toBeNull();
  });

  it('rejects every token of a disabled user, and a role change applies without a new token', async () => {
    const tv = (getDb().$client.prepare('select token_version as tv from users where id = ?').get(editorId) as { tv: number }).tv;
    const claims = { uid: editorId, tv, since: Date.now(), sid: sid() };
    expect((await changeStaffRole({ id: adminId, username: 'chief' }, editorId, 'reporter')).ok).toBe(true);
    expect((await userForClaims(claims))?.role).toBe('reporter');
    expect((await setStaffDisabled({ id: adminId, username: 'chief' }, editorId, true)).ok).toBe(true);
    expect(await userForClaims(claims)).toBeNull();
    // Re-enabling does not bring the old sessions back.
    expect((await setStaffDisabled({ id: adminId, username: 'chief' }, editorId, false)).ok).toBe(true);
    expect(await userForClaims(claims)).toBeNull();
    // A disabled account cannot sign in even with the right password.
    await setStaffDisabled({ id: adminId, username: 'chief' }, editorId, true);
    expect((await attemptLogin({ username: 'ed', password: 'another-long-password', ip: null })).ok).toBe(false);
  });

  it('rejects tokens older than 12 hours, malformed claims, unknown users and tokens without a session id', async () => {
    expect(await userForClaims({ uid: adminId, tv: 1, since: Date.now() - 13 * 3600_000, sid: sid() })).toBeNull();
    expect(await userForClaims({ uid: adminId, tv: 1, sid: sid() })).toBeNull();
    expect(await userForClaims({ uid: String(adminId), tv: 1, since: Date.now(), sid: sid() })).toBeNull();
    expect(await userForClaims({ uid: 99999, tv: 1, since: Date.now(), sid: sid() })).toBeNull();
    // Issued before sign-out could revoke anything: such a token could never be ended early.
    expect(await userForClaims({ uid: adminId, tv: 1, since: Date.now() })).toBeNull();
    expect(await userForClaims({ uid: adminId, tv: 1, since: Date.now(), sid: sid() })).toMatchObject({ role: 'admin' });
  });

  it('keeps the generated signing secret out of the database', () => {
    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(authSecret()).toBe(first);
    expect(getDb().$client.prepare("select count(*) as n from site_meta where value = ?").get(first)).toEqual({ n: 0 });
  });
});

describe('signing out ends the session on the server', () => {
  // The cookie next-auth would set: the jwt callback's claims, encrypted with the site's secret.
  async function signIn(username: string): Promise<string> {
    const login = await attemptLogin({ username, password: PASSWORD, ip: null });
    if (!login.ok) throw new Error(`login failed: ${login.reason}`);
    const user = { id: String(login.user.id), uid: login.user.id, tv: login.user.tokenVersion };
    const claims = await authOptions().callbacks!.jwt!({ token: {}, user, account: null, trigger: 'signIn' } as never);
    return encode({ token: claims, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  }
  const claimsOf = async (cookie: string) => (await decode({ token: cookie, secret: authSecret() })) as JWT;

  it('refuses a cookie saved before sign-out, while the same user’s other session still works', async () => {
    const laptop = await signIn('chief');
    const phone = await signIn('chief');
    expect(await userForClaims(await claimsOf(laptop))).toMatchObject({ id: adminId });
    expect(await userForClaims(await claimsOf(phone))).toMatchObject({ id: adminId });

    // next-auth re-issues the cookie (a new jti) whenever the session is read; the browser signs
    // out with that newer copy, while the attacker kept the one from before.
    const refreshedClaims = await authOptions().callbacks!.jwt!({ token: await claimsOf(laptop) } as never);
    const refreshed = await encode({ token: refreshedClaims, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
    expect((await claimsOf(refreshed)).jti).not.toBe((await claimsOf(laptop)).jti);
    // What POST /api/auth/signout does with the JWT strategy: decode the cookie, call the event.
    await authOptions().events!.signOut!({ token: await claimsOf(refreshed) } as never);

    expect(await userForClaims(await claimsOf(laptop))).toBeNull();
    expect(await userForClaims(await claimsOf(refreshed))).toBeNull();
    expect(await userForClaims(await claimsOf(phone))).toMatchObject({ id: adminId, role: 'admin' });
    const lastAudit = getDb().$client.prepare('select action, actor_name from audit_log order by id desc limit 1').get();
    expect(lastAudit).toEqual({ action: 'logout', actor_name: 'chief' });
  });

  it('forgets a revocation once the token would have expired anyway', async () => {
    const t0 = new Date('2026-05-01T08:00:00Z');
    await revokeSession('old-session', new Date(t0.getTime() + 3600_000), t0);
    const count = () => (getDb().$client.prepare('select count(*) as n from revoked_sessions where sid = ?').get('old-session') as { n: number }).n;
    expect(count()).toBe(1);
    await revokeSession('newer-session', new Date(t0.getTime() + 14 * 3600_000), new Date(t0.getTime() + 2 * 3600_000));
    expect(count()).toBe(0);
  });
});

describe('account rules', () => {
  it('never removes the last enabled admin and never lets an admin disable themself', async () => {
    const self = await setStaffDisabled({ id: adminId, username: 'chief' }, adminId, true);
    expect(self).toEqual({ ok: false, error: '不能停用自己的账号' });
    const demote = await changeStaffRole({ id: null, username: 'cli' }, adminId, 'editor');
    expect(demote.ok).toBe(false);
    const disable = await setStaffDisabled({ id: null, username: 'cli' }, adminId, true);
    expect(disable.ok).toBe(false);
    const row = getDb().$client.prepare('select role, disabled from users where id = ?').get(adminId);
    expect(row).toEqual({ role: 'admin', disabled: 0 });
  });

  it('refuses duplicate usernames regardless of case', async () => {
    const dup = await createStaffUser({ id: null, username: 'test' }, { username: 'CHIEF', displayName: 'x', role: 'reporter', password: PASSWORD });
    expect(dup).toEqual({ ok: false, error: '用户名 chief 已存在' });
  });
});
