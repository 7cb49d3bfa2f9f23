import { spawnSync, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { forgetBuildFingerprint, recordBuildFingerprint, sourceFingerprint } from './build-freshness';
import { addCompileHints } from './compile-hints';

/**
 * The portal's production build, for `npm run build` and every script that builds: `next build`
 * into NEXT_DIST_DIR (default .next), then V8 compile hints on the browser chunks. With
 * `lock`, the build runs under `flock <lock>` (several people building on one machine).
 * A successful build records the fingerprint of its sources in the dist dir, so a later start
 * knows it is current (scripts/lib/build-freshness.ts). Returns false when the build failed.
 */
export function buildPortal(env: NodeJS.ProcessEnv, options: { quiet?: boolean; lock?: string } = {}): boolean {
  const root = process.cwd();
  const distDir = env.NEXT_DIST_DIR || '.next';
  // Taken before building: a source edited during the build leaves the build stale, as it is.
  const fingerprint = sourceFingerprint(root);
  forgetBuildFingerprint(root, distDir);
  const nextBuild = [process.execPath, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'];
  const cmd = options.lock ? ['flock', options.lock, ...nextBuild] : nextBuild;
  const stdio: StdioOptions = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const result = spawnSync(cmd[0]!, cmd.slice(1), { stdio, env });
  if (result.status !== 0) return false;
  const changed = addCompileHints(path.join(root, distDir));
  if (!options.quiet) console.log(`[build] compile hints added to ${changed} browser chunks`);
  recordBuildFingerprint(root, distDir, fingerprint);
  return true;
}
