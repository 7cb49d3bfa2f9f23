import crypto from 'node:crypto';
import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against a production build served by scripts/e2e-server.ts with a
 * fresh throwaway database. Playwright cannot download its own browser on our machines:
 * use CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's default.
 */
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env.E2E_PORT || 3200);
// Staff test accounts get random passwords per run unless given; set in process.env so the
// worker processes (which inherit it) and the web server (below) see the same values.
const staffPasswordVars = ['E2E_ADMIN_PASSWORD', 'E2E_EDITOR_PASSWORD', 'E2E_REPORTER_PASSWORD'] as const;
for (const name of staffPasswordVars) process.env[name] ||= crypto.randomBytes(18).toString('base64url');
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), ...Object.fromEntries(staffPasswordVars.map((name) => [name, process.env[name]!])) },
  },
});
