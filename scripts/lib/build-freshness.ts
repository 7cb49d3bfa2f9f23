import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether a build is current is decided by content, not file times: `npm install` rewrites
 * package-lock.json even when it installs nothing, and a checkout or copy touches every file, so
 * times said "stale" on every `npm install && npm start` and rebuilt for minutes. A build records
 * the fingerprint of what it was made from in its dist dir; a start compares it with the
 * fingerprint of what is there now.
 */

// Everything a build is made from, the build step included; a change to any of them makes it stale.
const SOURCES = [
  'app',
  'components',
  'db',
  'lib',
  'public',
  'next.config.ts',
  'postcss.config.mjs',
  'proxy.ts',
  'instrumentation.ts',
  'scripts/lib/build.ts',
  'scripts/lib/compile-hints.ts',
];
// The installed dependencies, by what the lock says is installed (see lockDigest).
const LOCK = 'package-lock.json';
const STAMP = 'source-fingerprint';

function hashFiles(root: string, hash: crypto.Hash): void {
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      // Sorted, so the order the file system lists entries in never changes the fingerprint.
      for (const entry of fs.readdirSync(full).sort()) visit(path.posix.join(relative, entry));
      return;
    }
    const bytes = fs.readFileSync(full);
    // Path and length before the bytes: moving or splitting a file changes the fingerprint too.
    hash.update(`${relative}\0${bytes.length}\0`);
    hash.update(bytes);
  };
  for (const entry of SOURCES) visit(entry);
}

/**
 * The lock's meaning without its layout: each installed package's place, name, version and
 * integrity, in a fixed order. A lock rewritten with other whitespace or key order digests the
 * same; a different version or tarball does not.
 */
function lockDigest(lockText: string): string {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { name?: string; version?: string; integrity?: string }> };
  const packages = Object.entries(lock.packages ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([where, p]) => [where, p.name ?? '', p.version ?? '', p.integrity ?? '']);
  return crypto.createHash('sha256').update(JSON.stringify(packages)).digest('hex');
}

/** The fingerprint of the sources and installed dependencies a build in `root` would be made from. */
export function sourceFingerprint(root: string): string {
  const hash = crypto.createHash('sha256');
  hashFiles(root, hash);
  let lockText: string | undefined;
  try {
    lockText = fs.readFileSync(path.join(root, LOCK), 'utf8');
  } catch {
    // No lock: the fingerprint says so, and gaining one later makes the build stale.
  }
  hash.update(`${LOCK}\0${lockText === undefined ? 'missing' : lockDigest(lockText)}`);
  return hash.digest('hex');
}

/**
 * Forgets which sources `distDir` was built from, before a build overwrites it: a build that
 * fails halfway must not leave a stamp that calls the half-written folder current.
 */
export function forgetBuildFingerprint(root: string, distDir: string): void {
  fs.rmSync(path.join(root, distDir, STAMP), { force: true });
}

/** Records, after a successful build, the fingerprint taken before it started. */
export function recordBuildFingerprint(root: string, distDir: string, fingerprint: string): void {
  fs.writeFileSync(path.join(root, distDir, STAMP), `${fingerprint}\n`);
}

/** Whether `distDir` holds a build of exactly the sources and dependencies now in `root`. */
export function buildIsCurrent(root: string, distDir: string): boolean {
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) return false;
  let recorded: string;
  try {
    recorded = fs.readFileSync(path.join(root, distDir, STAMP), 'utf8').trim();
  } catch {
    return false;
  }
  return recorded === sourceFingerprint(root);
}
