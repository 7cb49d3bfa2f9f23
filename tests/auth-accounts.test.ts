import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { changeStaffRole, createStaffUser, setStaffDisabled } from '@/lib/auth/staff-accounts';
import { useTestDatabase } from './helpers/test-db';

/**
 * "Keep one enabled admin" guards changes to admins only: with no enabled admin at all (the last
 * one was disabled by hand or by the CLI), reporters and editors can still be disabled and
 * re-roled, while the rule still holds for the admin it protects.
 */
const PASSWORD = 'a-long-enough-password';
const cli = { id: null, username: 'cli' };
const ids: Record<string, number> = {};
let cleanup: () => void;

const row = (id: number) => getDb().$client.prepare('select role, disabled from users where id = ?').get(id);

beforeAll(async () => {
  ({ cleanup } = useTestDatabase({ seed: false }));
  for (const [username, role] of [['chief', 'admin'], ['deputy', 'admin'], ['rep', 'reporter'], ['ed', 'editor']] as const) {
    ids[username] = (await createStaffUser(cli, { username, displayName: username, role, password: PASSWORD })).id!;
  }
});
afterAll(() => cleanup());

describe('keep one enabled admin', () => {
  it('refuses to disable or demote the last enabled admin', async () => {
    expect((await setStaffDisabled(cli, ids.deputy!, true)).ok).toBe(true);
    expect(await setStaffDisabled(cli, ids.chief!, true)).toEqual({ ok: false, error: '至少需要保留一个启用的管理员账号' });
    expect(await changeStaffRole(cli, ids.chief!, 'editor')).toEqual({ ok: false, error: '至少需要保留一个启用的管理员账号' });
    expect(row(ids.chief!)).toEqual({ role: 'admin', disabled: 0 });
  });

  it('still disables and re-roles reporters and editors when no admin is enabled', async () => {
    // No enabled admin left, as after `UPDATE users SET disabled = 1` by hand on the last one.
    getDb().$client.prepare('update users set disabled = 1 where id = ?').run(ids.chief!);

    expect(await setStaffDisabled(cli, ids.rep!, true)).toEqual({ ok: true, message: expect.stringContaining('已停用 rep') });
    expect(row(ids.rep!)).toEqual({ role: 'reporter', disabled: 1 });
    expect((await changeStaffRole(cli, ids.ed!, 'reporter')).ok).toBe(true);
    expect((await changeStaffRole(cli, ids.ed!, 'admin')).ok).toBe(true);
    expect(row(ids.ed!)).toEqual({ role: 'admin', disabled: 0 });
    // A disabled admin can be demoted: it takes no enabled admin away.
    expect((await changeStaffRole(cli, ids.deputy!, 'editor')).ok).toBe(true);
    expect(row(ids.deputy!)).toEqual({ role: 'editor', disabled: 1 });
    // The newly promoted admin is now the one the rule protects.
    expect((await setStaffDisabled(cli, ids.ed!, true)).ok).toBe(false);
    expect(row(ids.ed!)).toEqual({ role: 'admin', disabled: 0 });
  });
});
