import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { attemptLogin } from '@/lib/auth/login';
import { roleAtLeast } from '@/lib/auth/roles';
import { userForClaims } from '@/lib/auth/session-check';
import { changeStaffRole, createStaffUser, resetStaffPassword, setStaffDisabled } from '@/lib/auth/staff-accounts';
import { authSecret } from '@/lib/auth/secret';
import { useTestDatabase } from './helpers/test-db';

const PASSWORD = 'a-long-enough-password';
let cleanup: () => void;
let adminId: number;
let editorId: number;

beforeAll(async () => {
  delete process.env.NEXTAUTH_SECRET;
  ({ cleanup } = useTestDatabase({ seed: false }));
  const actor = { id: null, username: 'test' };
  adminId = (await createStaffUser(actor, { username: 'chief', displayName: '总编', role: 'admin', password: PASSWORD })).id!;
  editorId = (await createStaffUser(actor, { username: 'ed', displayName: '编辑甲', role: 'editor', password: PASSWORD })).id!;
});
afterAll(() => cleanup());

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
    const jwt = await encode({ token: { uid: login.user.id, tv: login.user.tokenVersion, since: Date.now() }, secret });
    const claims = await decode({ token: jwt, secret });
    expect(await userForClaims(claims)).toMatchObject({ id: editorId, username: 'ed', role: 'editor', displayName: '编辑甲' });

    const changed = await resetStaffPassword({ id: adminId, username: 'chief' }, editorId, 'another-long-password');
    expect(changed.ok).toBe(true);
    expect(await userForClaims(claims)).toBeNull();
    expect(await userForClaims({ uid: editorId, tv: login.user.tokenVersion + 1, since: Date.now() })).not.toBeNull();
  });

  it('rejects every token of a disabled user, and a role change applies without a new token', async () => {
    const tv = (getDb().$client.prepare('select token_version as tv from users where id = ?').get(editorId) as { tv: number }).tv;
    const claims = { uid: editorId, tv, since: Date.now() };
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

  it('rejects tokens older than 12 hours, malformed claims and unknown users', async () => {
    expect(await userForClaims({ uid: adminId, tv: 1, since: Date.now() - 13 * 3600_000 })).toBeNull();
    expect(await userForClaims({ uid: adminId, tv: 1 })).toBeNull();
    expect(await userForClaims({ uid: String(adminId), tv: 1, since: Date.now() })).toBeNull();
    expect(await userForClaims({ uid: 99999, tv: 1, since: Date.now() })).toBeNull();
    expect(await userForClaims({ uid: adminId, tv: 1, since: Date.now() })).toMatchObject({ role: 'admin' });
  });

  it('keeps the generated signing secret in the database', () => {
    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(authSecret()).toBe(first);
    const stored = getDb().$client.prepare("select value from site_meta where key = 'nextauth_secret'").get() as { value: string };
    expect(stored.value).toBe(first);
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
