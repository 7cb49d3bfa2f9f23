import { getUserById, getUserCredentials } from '@/db/queries/users';
import { insertUser, LastAdminError, setUserDisabled, updateUserPassword, updateUserRole } from '@/db/mutations/users';
import type { Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword, passwordProblem } from './password';
import { ROLE_LABELS } from './roles';
import { unlockUsername } from './throttle';
import { normalizeUsername } from './usernames';

/**
 * Staff account changes with their rules, shared by the users page's actions and the CLI.
 * Callers check who may do this (requireRole / authorizeAction) and validate input shape first;
 * these enforce the domain rules and write the audit line. Errors come back as Chinese text.
 */
export type Actor = { id: number | null; username: string; ip?: string | null };
export type AccountResult = { ok: true; message: string } | { ok: false; error: string };

const fail = (error: string): AccountResult => ({ ok: false, error });

export async function createStaffUser(
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<AccountResult & { id?: number }> {
  const username = normalizeUsername(input.username);
  const problem = passwordProblem(input.password, username);
  if (problem) return fail(problem);
  if (await getUserCredentials(username)) return fail(`用户名 ${username} 已存在`);
  let id: number;
  try {
    id = await insertUser({ username, displayName: input.displayName, role: input.role, passwordHash: await hashPassword(input.password) });
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (String(error).includes('UNIQUE')) return fail(`用户名 ${username} 已存在`);
    throw error;
  }
  await recordAudit({ actorId: actor.id, actorName: actor.username, ip: actor.ip, action: 'user.create', target: username, detail: `角色:${ROLE_LABELS[input.role]}` });
  return { ok: true, message: `已创建用户 ${username}(${ROLE_LABELS[input.role]})`, id };
}

async function target(userId: number) {
  return getUserById(userId);
}

export async function changeStaffRole(actor: Actor, userId: number, role: Role): Promise<AccountResult> {
  const user = await target(userId);
  if (!user) return fail('用户不存在');
  if (user.id === actor.id) return fail('不能修改自己的角色');
  if (user.role === role) return { ok: true, message: `${user.username} 的角色未变化` };
  try {
    await updateUserRole(userId, role);
  } catch (error) {
    if (error instanceof LastAdminError) return fail(error.message);
    throw error;
  }
  await recordAudit({ actorId: actor.id, actorName: actor.username, ip: actor.ip, action: 'user.role', target: user.username, detail: `${ROLE_LABELS[user.role]} → ${ROLE_LABELS[role]}` });
  return { ok: true, message: `已将 ${user.username} 的角色改为${ROLE_LABELS[role]}` };
}

export async function setStaffDisabled(actor: Actor, userId: number, disabled: boolean): Promise<AccountResult> {
  const user = await target(userId);
  if (!user) return fail('用户不存在');
  if (disabled && user.id === actor.id) return fail('不能停用自己的账号');
  if (user.disabled === disabled) return { ok: true, message: `${user.username} 已经是${disabled ? '停用' : '启用'}状态` };
  try {
    await setUserDisabled(userId, disabled);
  } catch (error) {
    if (error instanceof LastAdminError) return fail(error.message);
    throw error;
  }
  await recordAudit({ actorId: actor.id, actorName: actor.username, ip: actor.ip, action: disabled ? 'user.disable' : 'user.enable', target: user.username });
  return { ok: true, message: disabled ? `已停用 ${user.username},其所有登录会话已失效` : `已启用 ${user.username}` };
}

export async function resetStaffPassword(actor: Actor, userId: number, password: string): Promise<AccountResult> {
  const user = await target(userId);
  if (!user) return fail('用户不存在');
  const problem = passwordProblem(password, user.username);
  if (problem) return fail(problem);
  await updateUserPassword(userId, await hashPassword(password));
  await recordAudit({ actorId: actor.id, actorName: actor.username, ip: actor.ip, action: 'user.password', target: user.username });
  return { ok: true, message: `已重置 ${user.username} 的密码,其所有登录会话已失效` };
}

/**
 * Lifts every sign-in lock and cool-down on a username, from every address (`npm run
 * user:unlock`): for the admin who locked themself out, or staff locked out by a guesser's
 * address. Address-wide locks stay: they are about the address, not the account.
 */
export async function unlockStaffLogin(actor: Actor, rawUsername: string): Promise<AccountResult> {
  const username = normalizeUsername(rawUsername);
  const cleared = unlockUsername(username);
  await recordAudit({ actorId: actor.id, actorName: actor.username, ip: actor.ip, action: 'login.unlock', target: username, detail: `清除 ${cleared} 条记录` });
  return { ok: true, message: cleared ? `已解除 ${username} 的登录锁定` : `${username} 当前没有登录锁定或失败记录` };
}
