import { and, asc, count, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { users, type Role, type User } from '../schema';

/** A user as staff pages may see it: never the password hash. */
export type UserSummary = Omit<User, 'passwordHash'>;

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  tokenVersion: users.tokenVersion,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function getUserById(id: number): Promise<UserSummary | undefined> {
  const rows = await getDb().select(summaryColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** The full row including the hash: only the sign-in check and the CLI need it. */
export async function getUserCredentials(username: string): Promise<User | undefined> {
  const rows = await getDb().select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function listUsers(): Promise<UserSummary[]> {
  return getDb().select(summaryColumns).from(users).orderBy(asc(users.disabled), asc(users.username));
}
