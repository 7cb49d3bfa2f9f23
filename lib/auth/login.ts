import { getUserCredentials } from '@/db/queries/users';
import { recordAudit } from '@/lib/audit';
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import { lockedUntil, recordFailure, resetKey, throttleKeys } from './throttle';
import { normalizeUsername } from './usernames';

export type LoginResult =
  | { ok: true; user: { id: number; username: string; displayName: string; tokenVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

/**
 * One sign-in attempt: throttle check, password check, bookkeeping and audit. Shared by the
 * next-auth Credentials provider and the tests. The caller only learns "invalid" for an unknown
 * user, a wrong password or a disabled account alike; the audit log records which it was.
 */
export async function attemptLogin(input: { username: string; password: string; ip: string | null; now?: Date }): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const username = normalizeUsername(input.username).slice(0, 64);
  const keys = throttleKeys(username, input.ip);
  const audit = { actorName: username || null, ip: input.ip };

  const lockEnd = lockedUntil(keys, now);
  if (lockEnd) {
    await recordAudit({ ...audit, action: 'login.locked', detail: `锁定至 ${lockEnd.toISOString()}` });
    return { ok: false, reason: 'locked', until: lockEnd };
  }

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
    const locked = recordFailure(keys, now);
    await recordAudit({
      ...audit,
      actorId: user?.id ?? null,
      action: 'login.failure',
      detail: locked ? `${problem};已锁定至 ${locked.toISOString()}` : problem,
    });
    return locked ? { ok: false, reason: 'locked', until: locked } : { ok: false, reason: 'invalid' };
  }

  resetKey(keys[0]!.key);
  await recordAudit({ ...audit, actorId: user.id, actorName: user.username, action: 'login.success' });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, tokenVersion: user.tokenVersion },
  };
}
