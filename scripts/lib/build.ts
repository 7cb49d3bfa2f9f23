import { spawnSync, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { addCompileHints } from './compile-hints';

/**
 * The portal's production build, for `npm run build` and every script that builds: `next build`
 * into NEXT_DIST_DIR (default .next), then V8 compile hints on the browser chunks. With
 * `lock`, the build runs under `flock <lock>` (several people building on one machine).
 * Returns false when the build failed.
 */
export function buildPortal(env: NodeJS.ProcessEnv, options: { quiet?: boolean; lock?: string } = {}): boolean {
  const root = process.cwd();
  const nextBuild = [process.execPath, path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'];
  const cmd = options.lock ? ['flock', options.lock, ...nextBuild] : nextBuild;
  const stdio: StdioOptions = options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit';
  const result = spawnSync(cmd[0]!, cmd.slice(1), { stdio, env });
  if (result.status !== 0) return false;
  const changed = addCompileHints(path.join(root, env.NEXT_DIST_DIR || '.next'));
  if (!options.quiet) console.log(`[build] compile hints added to ${changed} browser chunks`);
  return true;
}
