import { getUserCredentials } from '@/db/queries/users';
import { recordAudit } from '@/lib/audit';
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import { reserveAttempt, settleSuccess, throttleKeys } from './throttle';
import { normalizeUsername } from './usernames';

export type LoginResult =
  | { ok: true; user: { id: number; username: string; displayName: string; tokenVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked' | 'cooldown'; until: Date };

const REFUSAL_WORDS = { locked: '锁定', cooldown: '账号冷却' } as const;

/**
 * One sign-in attempt: throttle reservation, password check, bookkeeping and audit. Shared by the
 * next-auth Credentials provider and the tests. The caller only learns "invalid" for an unknown
 * user, a wrong password or a disabled account alike; the audit log records which it was.
 */
export async function attemptLogin(input: { username: string; password: string; ip: string | null; now?: Date }): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const username = normalizeUsername(input.username).slice(0, 64);
  const audit = { actorName: username || null, ip: input.ip };

  // Counted before the hash, in one transaction with the lock check (see throttle.ts).
  const reserved = reserveAttempt(throttleKeys(username, input.ip), now);
  if (!reserved.ok) {
    await recordAudit({ ...audit, action: 'login.locked', detail: `${REFUSAL_WORDS[reserved.reason]}至 ${reserved.until.toISOString()}` });
    return { ok: false, reason: reserved.reason, until: reserved.until };
  }
  const { reservation } = reserved;

  const user = username ? await getUserCredentials(username) : undefined;
  let problem: string | null = null;
  if (!username || !input.password || input.password.length > PASSWORD_MAX_LENGTH * 4) {
    problem = '用户名或密码为空或过长';
  } else if (!user) {
    await burnPasswordCheck(input.password);
    problem = '用户不存在';
  } else if (!(await verifyPassword(user.passwordHash, input.password))) {
    problem = '密码错误';
  } else if (user.disabled) {
    problem = '账号已停用';
  }

  if (problem || !user) {
    // Already counted by the reservation; only the outcome is left to report.
    const refusal = reservation.ifFailed;
    await recordAudit({
      ...audit,
      actorId: user?.id ?? null,
      action: 'login.failure',
      detail: refusal ? `${problem};已${REFUSAL_WORDS[refusal.reason]}至 ${refusal.until.toISOString()}` : problem,
    });
    return refusal ? { ok: false, ...refusal } : { ok: false, reason: 'invalid' };
  }

  settleSuccess(reservation);
  await recordAudit({ ...audit, actorId: user.id, actorName: user.username, action: 'login.success' });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, tokenVersion: user.tokenVersion },
  };
}
