/**
 * Creates the end-to-end test staff accounts (called by scripts/e2e-server.ts). Passwords come
 * only from the environment (playwright.config.ts generates random ones when unset); no
 * password is written anywhere in the repository.
 */
import { closeDb, getDb } from '@/db/client';
import { getUserCredentials } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { createStaffUser } from '@/lib/auth/staff-accounts';

const accounts: Array<{ username: string; displayName: string; role: Role; env: string }> = [
  { username: 'admin', displayName: '测试管理员', role: 'admin', env: 'E2E_ADMIN_PASSWORD' },
  { username: 'editor', displayName: '测试编辑', role: 'editor', env: 'E2E_EDITOR_PASSWORD' },
  { username: 'reporter', displayName: '测试记者', role: 'reporter', env: 'E2E_REPORTER_PASSWORD' },
  { username: 'reporter2', displayName: '测试记者二', role: 'reporter', env: 'E2E_REPORTER_PASSWORD' },
];

getDb();
let failed = false;
for (const account of accounts) {
  const password = process.env[account.env];
  if (!password) {
    console.log(`[e2e-users] 未设置 ${account.env},跳过 ${account.username}`);
    continue;
  }
  if (await getUserCredentials(account.username)) continue;
  const result = await createStaffUser({ id: null, username: 'e2e-setup' }, { ...account, password });
  if (!result.ok) {
    console.error(`[e2e-users] 无法创建 ${account.username}:${result.error}`);
    failed = true;
  }
}
closeDb();
if (failed) process.exit(1);
