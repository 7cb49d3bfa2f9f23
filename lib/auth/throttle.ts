import { getDb } from '@/db/client';

/**
 * Login throttling, kept in the login_throttle table so a restart does not forgive anyone.
 *
 * One row per key (`user:<name>`, `ip:<address>`). Failures count inside a 15-minute window;
 * reaching the key's limit locks it. The first lock lasts 10 minutes and each further lock of
 * the same key doubles (capped at 24 h), until a day passes without a lock. While any key of
 * an attempt is locked the attempt is refused before the password is looked at.
 */
export const THROTTLE = {
  userLimit: 5,
  ipLimit: 20,
  windowMs: 15 * 60_000,
  baseLockMs: 10 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  /** A key whose last lock ended this long ago starts again at the base lock time. */
  lockMemoryMs: 24 * 60 * 60_000,
} as const;

export type ThrottleKey = { key: string; limit: number };

type Row = { key: string; failures: number; window_start: number; locked_until: number | null; lock_count: number };

export function throttleKeys(username: string, ip: string | null): ThrottleKey[] {
  return [
    { key: `user:${username}`, limit: THROTTLE.userLimit },
    { key: `ip:${ip ?? 'unknown'}`, limit: THROTTLE.ipLimit },
  ];
}

export function lockDurationMs(lockCount: number): number {
  return Math.min(THROTTLE.baseLockMs * 2 ** Math.max(0, lockCount - 1), THROTTLE.maxLockMs);
}

/** The latest time any of the keys stays locked, or null when an attempt may proceed. */
export function lockedUntil(keys: ThrottleKey[], now = new Date()): Date | null {
  const select = getDb().$client.prepare('select locked_until from login_throttle where key = ?');
  let until = 0;
  for (const { key } of keys) {
    const row = select.get(key) as Pick<Row, 'locked_until'> | undefined;
    if (row?.locked_until && row.locked_until > now.getTime()) until = Math.max(until, row.locked_until);
  }
  return until ? new Date(until) : null;
}

/**
 * Counts one failed attempt against every key, in one write transaction so concurrent attempts
 * (even from several server processes) cannot both slip under the limit. Returns the lock end
 * when this failure locked a key.
 */
export function recordFailure(keys: ThrottleKey[], now = new Date()): Date | null {
  const sqlite = getDb().$client;
  const select = sqlite.prepare('select * from login_throttle where key = ?');
  const upsert = sqlite.prepare(
    `insert into login_throttle (key, failures, window_start, locked_until, lock_count)
     values (@key, @failures, @window_start, @locked_until, @lock_count)
     on conflict(key) do update set failures = excluded.failures, window_start = excluded.window_start,
       locked_until = excluded.locked_until, lock_count = excluded.lock_count`,
  );
  const t = now.getTime();
  const run = sqlite.transaction(() => {
    let lockEnd = 0;
    for (const { key, limit } of keys) {
      const row = select.get(key) as Row | undefined;
      let failures = row?.failures ?? 0;
      let windowStart = row?.window_start ?? t;
      let lockCount = row?.lock_count ?? 0;
      let locked = row?.locked_until ?? null;
      if (locked !== null && t - locked > THROTTLE.lockMemoryMs) lockCount = 0;
      if (t - windowStart >= THROTTLE.windowMs) {
        failures = 0;
        windowStart = t;
      }
      failures += 1;
      if (failures >= limit) {
        lockCount += 1;
        locked = t + lockDurationMs(lockCount);
        lockEnd = Math.max(lockEnd, locked);
        failures = 0;
        windowStart = t;
      }
      upsert.run({ key, failures, window_start: windowStart, locked_until: locked, lock_count: lockCount });
    }
    return lockEnd;
  });
  const lockEnd = run.immediate();
  return lockEnd ? new Date(lockEnd) : null;
}

/** A successful sign-in forgives the username entirely (count and lock history). */
export function resetKey(key: string): void {
  getDb().$client.prepare('delete from login_throttle where key = ?').run(key);
}

/** "约 10 分钟" style wording for how long a lock still lasts. */
export function describeRemaining(until: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}
