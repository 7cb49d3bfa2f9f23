import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { attemptLogin, type LoginResult } from '@/lib/auth/login';
import { createStaffUser } from '@/lib/auth/staff-accounts';
import { lockDurationMs, THROTTLE, unlockUsername } from '@/lib/auth/throttle';
import { useTestDatabase } from './helpers/test-db';

// Counts the password checks that actually run (the slow hash the throttle must stand in front of).
const hashChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      hashChecks.count += 1;
      return original.verifyPassword(hash, password);
    },
  };
});

const PASSWORD = 'a-long-enough-password';
const MIN = 60_000;
let cleanup: () => void;
let dbFile: string;

beforeAll(async () => {
  ({ cleanup, file: dbFile } = useTestDatabase({ seed: false }));
  for (const username of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina']) {
    const created = await createStaffUser({ id: null, username: 'test' }, { username, displayName: username, role: 'reporter', password: PASSWORD });
    expect(created.ok).toBe(true);
  }
});
afterAll(() => cleanup());

function auditActions(actor: string): string[] {
  return (getDb().$client.prepare('select action from audit_log where actor_name = ? order by id').all(actor) as Array<{ action: string }>).map((r) => r.action);
}

describe('login throttling', () => {
  it('locks a username from an address on the 5th failure there within 15 minutes, even for the right password', async () => {
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

    const rightButLocked = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.0.1', now: new Date(t0.getTime() + 6000) });
    expect(rightButLocked.ok === false && rightButLocked.reason).toBe('locked');
    // Usernames are case-insensitive: the lock is not dodged by capitals.
    const capital = await attemptLogin({ username: 'ALICE', password: PASSWORD, ip: '10.0.0.1', now: new Date(t0.getTime() + 7000) });
    expect(capital.ok === false && capital.reason).toBe('locked');

    expect(auditActions('alice')).toEqual(['login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.locked', 'login.locked']);
    const ips = getDb().$client.prepare("select ip from audit_log where actor_name = 'alice'").all() as Array<{ ip: string }>;
    expect(ips.every((r) => r.ip.startsWith('10.0.0.'))).toBe(true);
  });

  it('keeps the lock across a new database connection (a server restart)', async () => {
    closeDb();
    const r = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.0.1', now: new Date('2026-03-01T02:05:00Z') });
    expect(r.ok === false && r.reason).toBe('locked');
  });

  it('doubles the lock on a repeat and a success resets the username', async () => {
    // The first lock (10 min) ended at 02:10:05; five more failures right after lock again, for 20 min.
    const t1 = new Date('2026-03-01T02:11:00Z').getTime();
    let last;
    for (let i = 0; i < THROTTLE.pairLimit; i++) {
      last = await attemptLogin({ username: 'alice', password: 'wrong-password-y', ip: '10.0.0.1', now: new Date(t1 + i * 1000) });
    }
    expect(last?.ok === false && last.reason === 'locked' && last.until.getTime() - (t1 + 4000)).toBe(20 * MIN);
    expect(lockDurationMs(3)).toBe(40 * MIN);

    const after = new Date(t1 + 4000 + 20 * MIN + 1000);
    const ok = await attemptLogin({ username: 'alice', password: PASSWORD, ip: '10.0.0.1', now: after });
    expect(ok.ok).toBe(true);
    const rows = getDb().$client.prepare("select key from login_throttle where key like '%alice%'").all();
    expect(rows).toEqual([]);
    // After the reset four failures are allowed again without a lock.
    for (let i = 1; i <= 4; i++) {
      const r = await attemptLogin({ username: 'alice', password: 'wrong', ip: '10.0.0.1', now: new Date(after.getTime() + i * 1000) });
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

  it('a right password on an address’s last free slot does not lock the address', async () => {
    const t = new Date('2026-03-03T05:00:00Z').getTime();
    for (let i = 0; i < THROTTLE.ipLimit - 1; i++) {
      await attemptLogin({ username: `nobody${i}`, password: 'nope', ip: '192.0.2.50', now: new Date(t + i * 1000) });
    }
    expect((await attemptLogin({ username: 'bob', password: PASSWORD, ip: '192.0.2.50', now: new Date(t + 30_000) })).ok).toBe(true);
    // The slot (and the lock it would have armed) is given back: the address is still open...
    expect((await attemptLogin({ username: 'bob', password: PASSWORD, ip: '192.0.2.50', now: new Date(t + 31_000) })).ok).toBe(true);
    // ...until one more failure.
    const next = await attemptLogin({ username: 'nobody', password: 'nope', ip: '192.0.2.50', now: new Date(t + 32_000) });
    expect(next.ok === false && next.reason).toBe('locked');
    const row = getDb().$client.prepare("select lock_count from login_throttle where key = 'ip:192.0.2.50'").get();
    expect(row).toEqual({ lock_count: 1 });
  });

  it('lets at most the limit of parallel wrong attempts reach the password hash', async () => {
    const now = new Date('2026-03-04T02:00:00Z');
    hashChecks.count = 0;
    const results: LoginResult[] = await Promise.all(
      Array.from({ length: 10 }, () => attemptLogin({ username: 'dave', password: 'wrong-password-z', ip: '10.4.0.1', now })),
    );
    expect(hashChecks.count).toBe(THROTTLE.pairLimit);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(THROTTLE.pairLimit - 1);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(10 - (THROTTLE.pairLimit - 1));
    expect(auditActions('dave').filter((a) => a === 'login.failure')).toHaveLength(THROTTLE.pairLimit);
  });

  it('a guesser locking a username from their address does not lock it from another address', async () => {
    const t = new Date('2026-03-05T02:00:00Z').getTime();
    for (let i = 0; i < THROTTLE.pairLimit; i++) {
      await attemptLogin({ username: 'erin', password: 'guess', ip: '203.0.113.5', now: new Date(t + i * 1000) });
    }
    const attacker = await attemptLogin({ username: 'erin', password: PASSWORD, ip: '203.0.113.5', now: new Date(t + 10_000) });
    expect(attacker.ok === false && attacker.reason).toBe('locked');
    const atHerDesk = await attemptLogin({ username: 'erin', password: PASSWORD, ip: '198.51.100.20', now: new Date(t + 11_000) });
    expect(atHerDesk.ok).toBe(true);
    // Her success does not free the guesser's address.
    const again = await attemptLogin({ username: 'erin', password: 'guess', ip: '203.0.113.5', now: new Date(t + 12_000) });
    expect(again.ok === false && again.reason).toBe('locked');
  });

  it('slows a username guessed from many addresses with a short cool-down, never a growing lock', async () => {
    const t = new Date('2026-03-06T02:00:00Z').getTime();
    let n = 0;
    for (let address = 0; n < THROTTLE.userLimit; address++) {
      for (let i = 0; i < THROTTLE.pairLimit && n < THROTTLE.userLimit; i++, n++) {
        await attemptLogin({ username: 'frank', password: 'guess', ip: `10.6.0.${address}`, now: new Date(t + n * 1000) });
      }
    }
    const last = t + (n - 1) * 1000;
    const fresh = await attemptLogin({ username: 'frank', password: PASSWORD, ip: '198.51.100.30', now: new Date(last + 10_000) });
    expect(fresh).toEqual({ ok: false, reason: 'cooldown', until: new Date(last + THROTTLE.userCooldownMs) });
    // Refused attempts do not count, so the pause does not grow while it lasts.
    const stillPaused = await attemptLogin({ username: 'frank', password: PASSWORD, ip: '198.51.100.30', now: new Date(last + 30_000) });
    expect(stillPaused).toEqual({ ok: false, reason: 'cooldown', until: new Date(last + THROTTLE.userCooldownMs) });
    const afterwards = await attemptLogin({ username: 'frank', password: PASSWORD, ip: '198.51.100.30', now: new Date(last + THROTTLE.userCooldownMs + 1000) });
    expect(afterwards.ok).toBe(true);
  });

  it('user:unlock lifts every lock on the username', async () => {
    const t = new Date('2026-03-07T02:00:00Z').getTime();
    for (let i = 0; i < THROTTLE.pairLimit; i++) {
      await attemptLogin({ username: 'gina', password: 'guess', ip: '10.7.0.1', now: new Date(t + i * 1000) });
    }
    const locked = await attemptLogin({ username: 'gina', password: PASSWORD, ip: '10.7.0.1', now: new Date(t + 10_000) });
    expect(locked.ok === false && locked.reason).toBe('locked');

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-cli.ts', 'unlock', '--username', 'GINA'], {
      env: { ...process.env, DATABASE_PATH: dbFile },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout.trim()).toBe('已解除 gina 的登录锁定');
    expect(cli.status).toBe(0);
    const unlocked = await attemptLogin({ username: 'gina', password: PASSWORD, ip: '10.7.0.1', now: new Date(t + 11_000) });
    expect(unlocked.ok).toBe(true);
    expect(unlockUsername('gina')).toBe(0);
    const audit = getDb().$client.prepare("select actor_name, target from audit_log where action = 'login.unlock'").all();
    expect(audit).toEqual([{ actor_name: 'cli', target: 'gina' }]);
  });
});
