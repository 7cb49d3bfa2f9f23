import { expect, type Page } from '@playwright/test';

export type StaffRole = 'admin' | 'editor' | 'reporter';

/** Password of an e2e account: set by playwright.config.ts (random per run unless given). */
export function e2ePassword(role: StaffRole): string {
  const name = { admin: 'E2E_ADMIN_PASSWORD', editor: 'E2E_EDITOR_PASSWORD', reporter: 'E2E_REPORTER_PASSWORD' }[role];
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (playwright.config.ts should have generated it)`);
  return value;
}

/** Signs in through the real login form and waits for the staff area. */
export async function loginAs(page: Page, role: StaffRole, options: { username?: string; from?: string } = {}): Promise<void> {
  const username = options.username ?? role;
  await page.goto(options.from ? `/admin/login?from=${encodeURIComponent(options.from)}` : '/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(e2ePassword(role));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
