/**
 * The server Playwright tests run against: a fresh throwaway database with the demo corpus and
 * the test staff accounts (passwords from the environment, never from the repo), a production
 * build in its own folder, then the portal's server (server.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPortal } from './lib/build';
import { portalServerArgs } from './lib/portal-server';

const port = process.env.E2E_PORT || '3200';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_PATH: path.join(dir, 'portal.db'),
  DATA_DIR: dir,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-e2e',
  SITE_URL: process.env.SITE_URL || `http://127.0.0.1:${port}`,
  VIEW_FLUSH_MS: process.env.VIEW_FLUSH_MS || '1000',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
};
fs.writeFileSync(path.join(os.tmpdir(), `portal-e2e-${port}.json`), JSON.stringify({ dir, databasePath: env.DATABASE_PATH }));

const run = (args: string[]) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

run([tsx, 'scripts/db-seed.ts', '--articles', process.env.E2E_ARTICLES || '300']);
if (fs.existsSync('scripts/e2e-users.ts')) run([tsx, 'scripts/e2e-users.ts']);
if (process.env.E2E_SKIP_BUILD !== '1' && !buildPortal(env)) process.exit(1);

const server = spawn(process.execPath, portalServerArgs(port), { stdio: 'inherit', env });
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
server.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
