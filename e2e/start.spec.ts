import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '@playwright/test';

/**
 * The portal serves only through server.ts, its front door (301/410, ?page=N, the view beacon,
 * early 404s). Plain `next start` on the very build this run serves must refuse, say how to
 * start the portal, and never answer a request (lib/server-entry.ts, instrumentation.ts).
 */

// The build scripts/e2e-server.ts made for this run; `next start` finds it through next.config.ts.
const distDir = process.env.NEXT_DIST_DIR || '.next-e2e';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('plain next start refuses to serve and says how to start the portal', async () => {
  test.setTimeout(90_000);
  expect(fs.existsSync(path.join(distDir, 'BUILD_ID')), `no build in ${distDir}`).toBe(true);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-next-start-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    // Were the check missing, this server would open a database: never the run's own.
    DATABASE_PATH: path.join(dataDir, 'portal.db'),
    DATA_DIR: dataDir,
    SCHEDULER_DISABLED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // `next start` sets production itself, as it does for an operator.
  delete env.NODE_ENV;
  const next = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  next.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  next.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    next.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? null : undefined);
      resolve();
    }),
  );

  // Knock while it starts, as a reader or a load balancer's health check would.
  const answers: number[] = [];
  const deadline = Date.now() + 60_000;
  try {
    while (exitCode === undefined && Date.now() < deadline && !answers.includes(200)) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
        answers.push(response.status);
      } catch {
        // Not listening yet, or the connection closed as the process exited.
      }
      await sleep(100);
    }
  } finally {
    if (exitCode === undefined) next.kill('SIGKILL');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  expect(answers, output).not.toContain(200);
  expect(exitCode, output).toBe(1);
  expect(output).toContain('拒绝提供服务');
  expect(output).toContain('npm start');
  expect(output).toContain('node --import tsx server.ts');
});

test('the same build serves through server.ts', async ({ request }) => {
  // The run's own server (scripts/e2e-server.ts) starts server.ts on the build the test above used.
  expect((await request.get('/api/health')).status()).toBe(200);
});
