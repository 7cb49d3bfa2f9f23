import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { users, type Role } from '../schema';

export class LastAdminError extends Error {
  constructor() {
    super('至少需要保留一个启用的管理员账号');
  }
}

export async function insertUser(input: { username: string; displayName: string; role: Role; passwordHash: string }): Promise<number> {
  const now = new Date();
  const [row] = await getDb()
    .insert(users)
    .values({ ...input, disabled: false, tokenVersion: 1, createdAt: now, updatedAt: now })
    .returning({ id: users.id });
  return row!.id;
}

/**
 * Runs a change to one user that must not leave the site without an enabled admin. The rule
 * concerns only a change that takes rights away (`removesAdmin`: demote, disable) from a user who
 * is an enabled admin right now, so disabling a reporter never depends on whether some admin is
 * enabled (a site whose last admin was disabled by hand must still be able to manage its staff).
 * The read, the check and the write share one IMMEDIATE transaction, so two admins demoting each
 * other at once cannot both succeed.
 */
function changeKeepingAnAdmin(userId: number, removesAdmin: boolean, apply: () => void): void {
  const db = getDb();
  const run = db.$client.transaction(() => {
    const target = db.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
    if (target && target.role === 'admin' && !target.disabled && removesAdmin) {
      const others = db
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)))
        .get();
      if ((others?.n ?? 0) === 0) throw new LastAdminError();
    }
    apply();
  });
  run.immediate();
}

export async function updateUserRole(userId: number, role: Role): Promise<void> {
  const db = getDb();
  changeKeepingAnAdmin(userId, role !== 'admin', () => {
    db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).run();
  });
}

/** Disabling bumps tokenVersion, so every open session of the user ends on its next request. */
export async function setUserDisabled(userId: number, disabled: boolean): Promise<void> {
  const db = getDb();
  changeKeepingAnAdmin(userId, disabled, () => {
    db.update(users)
      .set({
        disabled,
        updatedAt: new Date(),
        ...(disabled ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
      })
      .where(eq(users.id, userId))
      .run();
  });
}

/** A new password ends every session signed in with the old one (tokenVersion bump). */
export async function updateUserPassword(userId: number, passwordHash: string): Promise<void> {
  await getDb()
    .update(users)
    .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
