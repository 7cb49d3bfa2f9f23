import fs from 'node:fs';
import path from 'node:path';

// Everything a build is made from, the build step included; a change to any of them makes it stale.
const SOURCES = [
  'app',
  'components',
  'db',
  'lib',
  'public',
  'next.config.ts',
  'package-lock.json',
  'proxy.ts',
  'instrumentation.ts',
  'scripts/lib/build.ts',
  'scripts/lib/compile-hints.ts',
];

function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of SOURCES) visit(path.join(root, entry));
  return newest;
}

/** Whether `distDir` holds a build at least as new as every source file it was made from. */
export function buildIsCurrent(root: string, distDir: string): boolean {
  const stamp = path.join(root, distDir, 'BUILD_ID');
  return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSourceMtime(root);
}
