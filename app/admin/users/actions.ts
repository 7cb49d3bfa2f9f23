'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { clientIp } from '@/lib/auth/client-ip';
import { authorizeAction } from '@/lib/auth/session';
import { changeStaffRole, createStaffUser, resetStaffPassword, setStaffDisabled, type AccountResult } from '@/lib/auth/staff-accounts';
import { displayNameSchema, usernameSchema } from '@/lib/auth/usernames';

/** What a users-page form shows after submitting. Never carries a password back. */
export type UserFormState = { ok: boolean; message: string; values?: Record<string, string> } | null;

const USERS_PATH = '/admin/users';
const userId = z.coerce.number().int().positive();
const role = z.enum(ROLES, { message: '请选择有效的角色' });
const password = z.string().max(1024, '密码过长');

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '输入有误';
}

async function actor() {
  // First thing in every action: signed out -> 401, not an admin -> 403, nothing else runs.
  const user = await authorizeAction('admin');
  return { id: user.id, username: user.username, ip: await clientIp() };
}

function toState(result: AccountResult): UserFormState {
  if (result.ok) revalidatePath(USERS_PATH);
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.error };
}

export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const who = await actor();
  const parsed = z
    .object({ username: usernameSchema, displayName: displayNameSchema, role, password })
    .safeParse(Object.fromEntries(form));
  // On failure the form is refilled from these; the password is deliberately not among them.
  const values = { username: String(form.get('username') ?? ''), displayName: String(form.get('displayName') ?? ''), role: String(form.get('role') ?? '') };
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error), values };
  const state = toState(await createStaffUser(who, parsed.data));
  return state?.ok ? state : { ...state!, values };
}

export async function changeRoleAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const who = await actor();
  const parsed = z.object({ userId, role }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return toState(await changeStaffRole(who, parsed.data.userId, parsed.data.role));
}

export async function setDisabledAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const who = await actor();
  const parsed = z.object({ userId, disabled: z.enum(['true', 'false']) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return toState(await setStaffDisabled(who, parsed.data.userId, parsed.data.disabled === 'true'));
}

export async function resetPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const who = await actor();
  const parsed = z.object({ userId, password }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  return toState(await resetStaffPassword(who, parsed.data.userId, parsed.data.password));
}
