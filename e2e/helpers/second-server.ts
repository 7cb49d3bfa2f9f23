import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { portalServerArgs } from '../../scripts/lib/portal-server';
import { e2eDatabasePath } from './e2e-db';

/**
 * Another portal process on the same build and database as the e2e server: a restarted
 * server, or the second process of a multi-process deployment, as far as state goes.
 */
export async function startSecondServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, portalServerArgs(port), {
    env: {
      ...process.env,
      DATABASE_PATH: e2eDatabasePath(),
      // The same data folder as the first server: images and the generated session secret live there.
      DATA_DIR: path.dirname(e2eDatabasePath()),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-e2e',
      SITE_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`second server on port ${port} did not start`);
}
