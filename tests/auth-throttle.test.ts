import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { attemptLogin } from '@/lib/auth/login';
import { createStaffUser } from '@/lib/auth/staff-accounts';
import { lockDurationMs, THROTTLE } from '@/lib/auth/throttle';
import { useTestDatabase } from './helpers/test-db';

const PASSWORD = 'a-long-enough-password';
const MIN = 60_000;
let cleanup: () => void;

beforeAll(async () => {
  ({ cleanup } = useTestDatabase({ seed: false }));
  for (const username of ['alice', 'bob', 'carol']) {
    const created = await createStaffUser({ id: null, username: 'test' }, { username, displayName: username, role: 'reporter', password: PASSWORD });
    expect(created.ok).toBe(true);
  }
});
afterAll(() => cleanup());

function auditActions(actor: string): string[] {
  return (getDb().$client.prepare('select action from audit_log where actor_name = ? order by id').all(actor) as Array<{ action: string }>).map((r) => r.action);
}

describe('login throttling', () => {
  it('locks a username on the 5th failure within 15 minutes and refuses even the right password while locked', async () => {
    const t0 = new Date('2026-03-01T02:00:00Z');
    for (let i = 1; i <= 4; i++) {
      const r = await attemptLogin({ username: 'alice', password: 'wrong-password-x', ip: '10.0.0.1', now: new Date(t0.getTime() + i * 1000) });
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    const fifth = await attemptLogin({ username: 'alice', password: 'wrong-password-x', ip: '10.0.0.1', now: new Date(t0.getTime() + 5000) });
    expect(fifth.ok).toBe(false);
    expect(fifth.ok === false && fifth.reason).toBe('locked');
    const until = fifth.ok === false && fifth.reason === 'locked' ? fifth.until.getTime() : 0;
    expect(until - (t0.getTime() + 5000)).toBe(10 * MIN);

    const rightButLocked = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.0.2', now: new Date(t0.getTime() + 6000) });
    expect(rightButLocked.ok === false && rightButLocked.reason).toBe('locked');
    // Usernames are case-insensitive: the lock is not dodged by capitals.
    const capital = await attemptLogin({ username: 'ALICE', password: PASSWORD, ip: '10.0.0.2', now: new Date(t0.getTime() + 7000) });
    expect(capital.ok === false && capital.reason).toBe('locked');

    expect(auditActions('alice')).toEqual(['login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.locked', 'login.locked']);
    const ips = getDb().$client.prepare("select ip from audit_log where actor_name = 'alice'").all() as Array<{ ip: string }>;
    expect(ips.every((r) => r.ip.startsWith('10.0.0.'))).toBe(true);
  });

  it('keeps the lock across a new database connection (a server restart)', async () => {
    closeDb();
    const r = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.0.3', now: new Date('2026-03-01T02:05:00Z') });
    expect(r.ok === false && r.reason).toBe('locked');
  });

  it('doubles the lock on a repeat and a success resets the username', async () => {
    // The first lock (10 min) ended at 02:10:05; five more failures right after lock again, for 20 min.
    const t1 = new Date('2026-03-01T02:11:00Z').getTime();
    let last;
    for (let i = 0; i < THROTTLE.userLimit; i++) {
      last = await attemptLogin({ username: 'alice', password: 'wrong-password-y', ip: '10.0.1.1', now: new Date(t1 + i * 1000) });
    }
    expect(last?.ok === false && last.reason === 'locked' && last.until.getTime() - (t1 + 4000)).toBe(20 * MIN);
    expect(lockDurationMs(3)).toBe(40 * MIN);

    const after = new Date(t1 + 4000 + 20 * MIN + 1000);
    const ok = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.1.1', now: after });
    expect(ok.ok).toBe(true);
    const row = getDb().$client.prepare("select * from login_throttle where key = 'user:alice'").get();
    expect(row).toBeUndefined();
    // After the reset four failures are allowed again without a lock.
    for (let i = 1; i <= 4; i++) {
      const r = await attemptLogin({ username: 'alice', password: 'wrong', ip: '10.0.2.1', now: new Date(after.getTime() + i * 1000) });
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('forgets failures older than the 15-minute window', async () => {
    const t = new Date('2026-03-02T02:00:00Z').getTime();
    for (let i = 0; i < 4; i++) await attemptLogin({ username: 'bob', password: 'nope', ip: `10.1.0.${i}`, now: new Date(t + i * 1000) });
    const later = await attemptLogin({ username: 'bob', password: 'nope', ip: '10.1.0.9', now: new Date(t + THROTTLE.windowMs + 5000) });
    expect(later).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an IP after 20 failures across usernames, for every username from it', async () => {
    const t = new Date('2026-03-03T02:00:00Z').getTime();
    let r;
    for (let i = 0; i < THROTTLE.ipLimit; i++) {
      r = await attemptLogin({ username: `ghost${i}`, password: 'nope', ip: '192.0.2.7', now: new Date(t + i * 1000) });
    }
    expect(r?.ok === false && r.reason).toBe('locked');
    const carol = await attemptLogin({ username: 'carol', password: PASSWORD, ip: '192.0.2.7', now: new Date(t + 30_000) });
    expect(carol.ok === false && carol.reason).toBe('locked');
    const elsewhere = await attemptLogin({ username: 'carol', password: PASSWORD, ip: '192.0.2.8', now: new Date(t + 31_000) });
    expect(elsewhere.ok).toBe(true);
    expect(auditActions('carol')).toEqual(['login.locked', 'login.success']);
  });
});
