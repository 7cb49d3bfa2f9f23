import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openE2eDatabase } from './helpers/e2e-db';
import { e2ePassword, loginAs } from './helpers/auth';
import { startSecondServer } from './helpers/second-server';

const WRONG = '用户名或密码错误';

function userRow(username: string): { disabled: number; role: string } | undefined {
  const db = openE2eDatabase();
  try {
    return db.prepare('select disabled, role from users where username = ?').get(username) as { disabled: number; role: string } | undefined;
  } finally {
    db.close();
  }
}

/** The login form's error (inside main; Next's route announcer is another role=alert). */
const loginError = (page: Page) => page.getByRole('main').getByRole('alert');

async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Signs in a fresh browser context as the given account and returns its page. */
async function signedInPage(browser: Browser, role: 'admin' | 'editor' | 'reporter', username?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, role, { username });
  return page;
}

test.describe('staff sign-in', () => {
  test('the login page has labelled fields, a 登录 button and no axe violations', async ({ page }) => {
    await page.goto('/admin/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员登录');
    await expect(page.getByLabel('用户名')).toBeVisible();
    await expect(page.getByLabel('密码')).toHaveAttribute('type', 'password');
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('anonymous visits to admin pages go to the login page and come back after signing in', async ({ page, request }) => {
    for (const target of ['/admin', '/admin/users', '/admin/audit?action=login.failure']) {
      const res = await request.get(target, { maxRedirects: 0 });
      expect(res.status(), target).toBeGreaterThanOrEqual(300);
      expect(res.status(), target).toBeLessThan(400);
      expect(res.headers().location).toContain(`/admin/login?from=${encodeURIComponent(target)}`);
    }
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/admin\/login\?from=%2Fadmin%2Fusers$/);
    await submitLogin(page, 'admin', e2ePassword('admin'));
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
    // The staff pages this spec owns are as accessible as the login page.
    const usersAxe = await new AxeBuilder({ page }).analyze();
    expect(usersAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '审计日志' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expect(page.locator('tbody tr').first()).toContainText('登录成功');
    const auditAxe = await new AxeBuilder({ page }).analyze();
    expect(auditAxe.violations.map((v) => v.id)).toEqual([]);
    const res = await page.request.get('/admin/users');
    expect(res.headers()['cache-control']).toMatch(/private/);
    expect(res.headers()['cache-control']).toMatch(/no-store/);
  });

  test('a wrong password shows a generic error and does not sign in', async ({ page }) => {
    await page.goto('/admin/login');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(loginError(page)).toContainText('请输入用户名和密码');
    await submitLogin(page, 'editor', 'definitely-not-the-password');
    await expect(loginError(page)).toContainText(WRONG);
    await expect(page).toHaveURL(/\/admin\/login/);
    // An unknown username reads exactly the same.
    await submitLogin(page, 'nobody-here', 'definitely-not-the-password');
    await expect(loginError(page)).toContainText(WRONG);
  });

  test('the post-login destination is only ever a path on this site', async ({ page }) => {
    await page.goto('/admin/login?from=' + encodeURIComponent('//evil.example/x'));
    await submitLogin(page, 'editor', e2ePassword('editor'));
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin$/);
  });
});

test.describe('login throttling', () => {
  test('six wrong passwords lock the username, and the lock survives a server restart', async ({ browser, page }) => {
    const admin = await signedInPage(browser, 'admin');
    const password = 'locktest-pass-' + Date.now();
    await admin.goto('/admin/users');
    const create = admin.getByRole('form', { name: '新建用户' });
    await create.getByLabel('用户名').fill('locktest');
    await create.getByLabel('显示名').fill('锁定测试');
    await create.getByLabel('角色').selectOption('reporter');
    await create.getByLabel(/初始密码/).fill(password);
    await create.getByRole('button', { name: '创建用户' }).click();
    await expect(create.getByRole('status')).toContainText('已创建用户 locktest');
    // A duplicate is refused with a message; the form keeps what was typed except the password.
    await create.getByLabel('用户名').fill('LockTest');
    await create.getByLabel('显示名').fill('重复');
    await create.getByLabel(/初始密码/).fill(password);
    await create.getByRole('button', { name: '创建用户' }).click();
    await expect(create.getByRole('status')).toContainText('用户名 locktest 已存在');
    await expect(create.getByLabel('用户名')).toHaveValue('LockTest');
    await expect(create.getByLabel(/初始密码/)).toHaveValue('');

    await page.goto('/admin/login');
    for (let i = 1; i <= 6; i++) {
      await submitLogin(page, 'locktest', `wrong-password-${i}`);
      // The fifth failure is the one that locks.
      await expect(loginError(page)).toContainText(i < 5 ? WRONG : '锁定');
    }
    await expect(loginError(page)).toContainText('锁定');
    await expect(loginError(page)).toContainText(/约 (9|10) 分钟/);
    // The right password is refused too while locked.
    await submitLogin(page, 'locktest', password);
    await expect(loginError(page)).toContainText('锁定');
    await expect(page).toHaveURL(/\/admin\/login/);

    const port = Number(process.env.E2E_PORT || 3200) + 1;
    const second = await startSecondServer(port);
    try {
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
      const restarted = await context.newPage();
      await restarted.goto('/admin/login');
      await submitLogin(restarted, 'locktest', password);
      await expect(loginError(restarted)).toContainText('锁定');
      await expect(restarted).toHaveURL(/\/admin\/login/);
      await context.close();
    } finally {
      second.kill('SIGTERM');
    }

    // Every attempt is in the audit log, with the address it came from.
    await admin.goto('/admin/audit?actor=locktest&action=login.failure');
    const rows = admin.locator('tbody tr');
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toContainText('127.0.0.1');
    await admin.goto('/admin/audit?actor=locktest&action=login.locked');
    await expect(admin.locator('tbody tr')).toHaveCount(3);
    await admin.context().close();
  });
});

test.describe('sessions and roles', () => {
  test('disabling a user ends that user’s open session at once', async ({ browser }) => {
    const reporter = await signedInPage(browser, 'reporter', 'reporter2');
    await expect(reporter.getByRole('banner').getByText('测试记者二', { exact: true })).toBeVisible();
    // A reporter is not offered the admin-only areas.
    await expect(reporter.getByRole('link', { name: '用户' })).toHaveCount(0);
    await expect(reporter.getByRole('link', { name: '审计日志' })).toHaveCount(0);

    const admin = await signedInPage(browser, 'admin');
    await admin.goto('/admin/users');
    const row = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'reporter2', exact: true }) });
    await row.getByRole('button', { name: '停用 reporter2' }).click();
    await expect(row.getByRole('status').filter({ hasText: '已停用 reporter2' })).toBeVisible();
    expect(userRow('reporter2')?.disabled).toBe(1);

    await reporter.goto('/admin');
    await expect(reporter).toHaveURL(/\/admin\/login\?from=%2Fadmin$/);
    await expect(reporter.getByRole('button', { name: '退出登录' })).toHaveCount(0);

    // Enabling again does not revive the old session; signing in again works.
    await admin.reload();
    const again = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'reporter2', exact: true }) });
    await again.getByRole('button', { name: '启用 reporter2' }).click();
    await expect(again.getByRole('status').filter({ hasText: '已启用 reporter2' })).toBeVisible();
    await reporter.goto('/admin');
    await expect(reporter).toHaveURL(/\/admin\/login/);
    await loginAs(reporter, 'reporter', { username: 'reporter2' });
    await reporter.context().close();
    await admin.context().close();
  });

  test('anonymous and under-privileged calls of a users action are refused with 401/403 and change nothing', async ({ browser, playwright }) => {
    const admin = await signedInPage(browser, 'admin');
    await admin.goto('/admin/users');
    // Capture the real "create user" action request an admin's browser would send, without letting it through.
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await admin.route('**/admin/users', async (route) => {
      const req = route.request();
      if (req.method() === 'POST' && req.headers()['next-action']) {
        captured = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    const create = admin.getByRole('form', { name: '新建用户' });
    await create.getByLabel('用户名').fill('forged');
    await create.getByLabel('显示名').fill('伪造账号');
    await create.getByLabel('角色').selectOption('admin');
    await create.getByLabel(/初始密码/).fill('forged-password-123');
    await create.getByRole('button', { name: '创建用户' }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    await admin.unroute('**/admin/users');
    const forged = captured!;
    const headers = {
      'next-action': forged.headers['next-action']!,
      'content-type': forged.headers['content-type']!,
      accept: 'text/x-component',
    };

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const anonymousRes = await anonymous.post('/admin/users', { headers, data: forged.body, maxRedirects: 0 });
    expect(anonymousRes.status()).toBe(401);
    await anonymous.dispose();

    const editor = await signedInPage(browser, 'editor');
    const editorRes = await editor.request.post('/admin/users', { headers, data: forged.body, maxRedirects: 0 });
    expect(editorRes.status()).toBe(403);
    // The editor cannot open the admin-only pages either.
    expect((await editor.request.get('/admin/users', { maxRedirects: 0 })).status()).toBe(403);
    expect((await editor.request.get('/admin/audit', { maxRedirects: 0 })).status()).toBe(403);
    await editor.context().close();

    expect(userRow('forged')).toBeUndefined();
    await admin.reload();
    await expect(admin.getByRole('heading', { name: 'forged', exact: true })).toHaveCount(0);
    await admin.context().close();
  });
});
