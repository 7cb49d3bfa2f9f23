import type { Role } from '@/db/schema';

/** The newsroom's review chain, lowest first: each role may do everything the ones before it may. */
const RANK: Record<Role, number> = { reporter: 1, editor: 2, admin: 3 };

export const ROLE_LABELS: Record<Role, string> = { reporter: '记者', editor: '编辑', admin: '管理员' };

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
