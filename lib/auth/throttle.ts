import { getDb } from '@/db/client';

/**
 * Login throttling, kept in the login_throttle table so a restart does not forgive anyone.
 *
 * Three counters per attempt, each a row (failures inside a 15-minute window):
 * - `pair:<username>@<address>`: 5 failures lock that username *from that address*. The first
 *   lock lasts 10 minutes and each further lock of the same pair doubles (capped at 24 h) until a
 *   day passes without one. Keyed on both so a stranger guessing an editor's password locks
 *   themself out, not the editor at their desk.
 * - `ip:<address>`: 20 failures lock the address for every username, the same growing way, so
 *   one machine cannot walk through the staff list.
 * - `user:<username>`: 20 failures from anywhere start a 1-minute cool-down of that username,
 *   never longer. It slows a guesser spread over many addresses to ~20 guesses a minute while
 *   costing the real user at most a minute's wait, where a growing lock would hand any botnet
 *   a switch that keeps the newsroom's admin signed out for a day.
 *
 * The check and the count are one step: reserveAttempt() runs in a BEGIN IMMEDIATE transaction
 * before the (slow) password hash, counting the attempt as a failure up front and arming the lock
 * when it takes the last allowed slot. Parallel attempts queue on the write lock, so at most
 * `limit` of them ever reach the hash in one window, even across several server processes.
 * A success then forgives the pair and the username and gives back its address slot.
 */
export const THROTTLE = {
  pairLimit: 5,
  ipLimit: 20,
  userLimit: 20,
  windowMs: 15 * 60_000,
  baseLockMs: 10 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
  /** A key whose last lock ended this long ago starts again at the base lock time. */
  lockMemoryMs: 24 * 60 * 60_000,
  userCooldownMs: 60_000,
} as const;

/**
 * `lock` keys lock for growing periods; `cooldown` keys only pause for userCooldownMs. A sign-in
 * with the right password forgives the keys marked `forgivenOnSuccess` (the username's).
 */
export type ThrottleKey = { key: string; limit: number; kind: 'lock' | 'cooldown'; forgivenOnSuccess: boolean };

type Row = { key: string; failures: number; window_start: number; locked_until: number | null; lock_count: number };

const userKey = (username: string) => `user:${username}`;
const pairPrefix = (username: string) => `pair:${username}@`;

export function throttleKeys(username: string, ip: string | null): ThrottleKey[] {
  const address = ip ?? 'unknown';
  return [
    { key: `${pairPrefix(username)}${address}`, limit: THROTTLE.pairLimit, kind: 'lock', forgivenOnSuccess: true },
    { key: `ip:${address}`, limit: THROTTLE.ipLimit, kind: 'lock', forgivenOnSuccess: false },
    { key: userKey(username), limit: THROTTLE.userLimit, kind: 'cooldown', forgivenOnSuccess: true },
  ];
}

export function lockDurationMs(lockCount: number): number {
  return Math.min(THROTTLE.baseLockMs * 2 ** Math.max(0, lockCount - 1), THROTTLE.maxLockMs);
}

export type Refusal = { reason: 'locked' | 'cooldown'; until: Date };

/** An attempt allowed to check its password. `ifFailed` is the refusal its failure has already armed. */
export type Reservation = {
  keys: ThrottleKey[];
  at: number;
  ifFailed: Refusal | null;
  /** Rows as they were before this attempt armed their lock, to undo it should the password be right. */
  armed: Row[];
};

const UPSERT = `insert into login_throttle (key, failures, window_start, locked_until, lock_count)
  values (@key, @failures, @window_start, @locked_until, @lock_count)
  on conflict(key) do update set failures = excluded.failures, window_start = excluded.window_start,
    locked_until = excluded.locked_until, lock_count = excluded.lock_count`;

function refusalOf(blocking: Array<{ kind: ThrottleKey['kind']; until: number }>): Refusal | null {
  if (!blocking.length) return null;
  // A hard lock is what the user must be told about; a cool-down only when nothing else holds.
  const hard = blocking.filter((b) => b.kind === 'lock');
  const relevant = hard.length ? hard : blocking;
  return { reason: hard.length ? 'locked' : 'cooldown', until: new Date(Math.max(...relevant.map((b) => b.until))) };
}

/**
 * Either refuses the attempt (a key is locked or cooling down: nothing is counted) or reserves it:
 * counts it as a failure on every key and arms any lock it completes, all in one IMMEDIATE
 * transaction, before the caller spends time on the password.
 */
export function reserveAttempt(keys: ThrottleKey[], now = new Date()): { ok: true; reservation: Reservation } | ({ ok: false } & Refusal) {
  const sqlite = getDb().$client;
  const select = sqlite.prepare('select * from login_throttle where key = ?');
  const upsert = sqlite.prepare(UPSERT);
  const t = now.getTime();
  const run = sqlite.transaction(() => {
    const rows = keys.map((k) => ({ ...k, row: select.get(k.key) as Row | undefined }));
    const refusal = refusalOf(
      rows.filter(({ row }) => row?.locked_until && row.locked_until > t).map(({ kind, row }) => ({ kind, until: row!.locked_until! })),
    );
    if (refusal) return { ok: false as const, ...refusal };

    const armed: Row[] = [];
    const willLock: Array<{ kind: ThrottleKey['kind']; until: number }> = [];
    for (const { key, limit, kind, row } of rows) {
      let failures = row?.failures ?? 0;
      let windowStart = row?.window_start ?? t;
      let lockCount = row?.lock_count ?? 0;
      let locked = row?.locked_until ?? null;
      if (locked !== null && t - locked > THROTTLE.lockMemoryMs) lockCount = 0;
      if (t - windowStart >= THROTTLE.windowMs) {
        failures = 0;
        windowStart = t;
      }
      const before: Row = { key, failures, window_start: windowStart, locked_until: locked, lock_count: lockCount };
      failures += 1;
      if (failures >= limit) {
        armed.push(before);
        if (kind === 'lock') {
          lockCount += 1;
          locked = t + lockDurationMs(lockCount);
        } else {
          locked = t + THROTTLE.userCooldownMs;
        }
        willLock.push({ kind, until: locked });
        failures = 0;
        windowStart = t;
      }
      upsert.run({ key, failures, window_start: windowStart, locked_until: locked, lock_count: lockCount });
    }
    return { ok: true as const, reservation: { keys, at: t, ifFailed: refusalOf(willLock), armed } };
  });
  return run.immediate();
}

/**
 * The reserved attempt had the right password: the username is forgiven (its pair with this
 * address and its username-wide count), and the address gets back the slot the attempt took,
 * including any lock the attempt itself armed.
 */
export function settleSuccess(reservation: Reservation): void {
  const sqlite = getDb().$client;
  const select = sqlite.prepare('select * from login_throttle where key = ?');
  const upsert = sqlite.prepare(UPSERT);
  const remove = sqlite.prepare('delete from login_throttle where key = ?');
  const run = sqlite.transaction(() => {
    for (const { key, forgivenOnSuccess } of reservation.keys) {
      if (forgivenOnSuccess) {
        remove.run(key);
        continue;
      }
      const row = select.get(key) as Row | undefined;
      if (!row) continue;
      const before = reservation.armed.find((r) => r.key === key);
      if (!before) upsert.run({ ...row, failures: Math.max(0, row.failures - 1) });
      // Undo the lock only while it is still the one this attempt set (a lock refuses every other
      // attempt, so nothing else can have counted on this key since).
      else if (row.locked_until === reservation.at + lockDurationMs(before.lock_count + 1)) upsert.run(before);
    }
  });
  run.immediate();
}

/** `npm run user:unlock`: lifts every lock and cool-down on the username, from every address. */
export function unlockUsername(username: string): number {
  const prefix = pairPrefix(username);
  const result = getDb()
    .$client.prepare('delete from login_throttle where key = ? or substr(key, 1, ?) = ?')
    .run(userKey(username), prefix.length, prefix);
  return result.changes;
}
