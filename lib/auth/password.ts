import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 12;
/** Caps the work one login attempt can cost the server; no pass phrase needs more. */
export const PASSWORD_MAX_LENGTH = 256;

// argon2id (Algorithm.Argon2id = 2; the enum is `const` and cannot be imported under
// isolatedModules) with OWASP's minimum: 19 MiB memory, 2 passes, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Why a new password is refused, in Chinese, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`;
  if (!password.trim()) return '密码不能全是空白字符';
  if (username && password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash of the sign-in route.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Runs one verification against a throwaway hash, so a login for an unknown username takes as
 * long as one with a wrong password and the response time does not reveal which names exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-credential');
  await verifyPassword(await dummyHash, password);
}
