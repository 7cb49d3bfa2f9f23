'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { type ActionResult, type Outcome, staffFormAction } from '@/lib/actions/staff-action';
import { clientIp } from '@/lib/auth/client-ip';
import type { SessionUser } from '@/lib/auth/session';
import { changeStaffRole, createStaffUser, resetStaffPassword, setStaffDisabled, type AccountResult } from '@/lib/auth/staff-accounts';
import { displayNameSchema, usernameSchema } from '@/lib/auth/usernames';
import { ADMIN_PATH } from '@/lib/routes';

/** What a users-page form shows after submitting. Never carries a password back. */
export type UserFormState = ActionResult<object, { values: Record<string, string> }> | null;

/** Only admins manage accounts (lib/auth/roles). */
const ROLE = 'admin';
const USERS_PATH = `${ADMIN_PATH}/users`;
const userId = z.coerce.number().int().positive();
const role = z.enum(ROLES, { message: '请选择有效的角色' });
const password = z.string().max(1024, '密码过长');

/**
 * lib/auth/staff-accounts writes the audit line itself (the command-line tools share it), so
 * these outcomes carry no audit note. No public page shows staff accounts: only the users page
 * is refreshed, so it lists the change.
 */
function done(result: AccountResult): Outcome {
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath(USERS_PATH);
  return { ok: true, message: result.message };
}

async function actor(user: SessionUser) {
  return { id: user.id, username: user.username, ip: await clientIp() };
}

const create = staffFormAction({
  role: ROLE,
  schema: z.object({ username: usernameSchema, displayName: displayNameSchema, role, password }),
  run: async (input, user) => done(await createStaffUser(await actor(user), input)),
  // A refused form is refilled from these; the password is deliberately not among them.
  echo: ['username', 'displayName', 'role'],
});

const changeRole = staffFormAction({
  role: ROLE,
  schema: z.object({ userId, role }),
  run: async (input, user) => done(await changeStaffRole(await actor(user), input.userId, input.role)),
});

const setDisabled = staffFormAction({
  role: ROLE,
  schema: z.object({ userId, disabled: z.enum(['true', 'false']) }),
  run: async (input, user) => done(await setStaffDisabled(await actor(user), input.userId, input.disabled === 'true')),
});

const resetPassword = staffFormAction({
  role: ROLE,
  schema: z.object({ userId, password }),
  run: async (input, user) => done(await resetStaffPassword(await actor(user), input.userId, input.password)),
});

export async function createUserAction(previous: UserFormState, form: FormData): Promise<UserFormState> {
  return create(previous, form);
}

export async function changeRoleAction(previous: UserFormState, form: FormData): Promise<UserFormState> {
  return changeRole(previous, form);
}

export async function setDisabledAction(previous: UserFormState, form: FormData): Promise<UserFormState> {
  return setDisabled(previous, form);
}

export async function resetPasswordAction(previous: UserFormState, form: FormData): Promise<UserFormState> {
  return resetPassword(previous, form);
}
