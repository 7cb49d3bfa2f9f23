import { z } from 'zod';

/** Usernames are compared case-insensitively: stored lower-case, so `Admin` and `admin` are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .min(2, '用户名至少 2 个字符')
      .max(32, '用户名不能超过 32 个字符')
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, '用户名只能包含小写字母、数字、下划线、点和连字符,并以字母或数字开头'),
  );

export const displayNameSchema = z.string().trim().min(1, '请填写显示名').max(40, '显示名不能超过 40 个字符');
