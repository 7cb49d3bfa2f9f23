import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, forgetBuildFingerprint, recordBuildFingerprint, sourceFingerprint } from '../scripts/lib/build-freshness';

/**
 * `npm install && npm start` twice with nothing changed must not build twice: freshness is
 * decided by what the sources and the lock say, not by their file times.
 */
const lock = {
  name: 'news-portal',
  version: '0.1.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'news-portal', version: '0.1.0', dependencies: { next: '^16.4.6', zod: '^4.6.7' } },
    'node_modules/next': { version: '16.4.6', resolved: 'https://registry.npmjs.org/next/-/next-16.4.6.tgz', integrity: 'sha512-next', license: 'MIT' },
    'node_modules/zod': { version: '4.6.7', resolved: 'https://registry.npmjs.org/zod/-/zod-4.6.7.tgz', integrity: 'sha512-zod', license: 'MIT' },
  },
};

let root: string;
const dist = '.next-test';
const write = (relative: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
};
/** What buildPortal does around `next build`, without running it. */
const build = () => {
  const fingerprint = sourceFingerprint(root);
  forgetBuildFingerprint(root, dist);
  write(`${dist}/BUILD_ID`, 'test-build');
  recordBuildFingerprint(root, dist, fingerprint);
};
const touchEverything = (when: Date) => {
  const visit = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    fs.utimesSync(p, when, when);
  };
  for (const entry of fs.readdirSync(root)) if (entry !== dist) visit(path.join(root, entry));
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-freshness-'));
  write('app/page.tsx', 'export default function Home() { return <h1>首页</h1>; }\n');
  write('lib/site.ts', "export const SITE_NAME = '示例新闻网';\n");
  write('db/migrations/0000_init.sql', 'create table articles (id integer primary key);\n');
  write('next.config.ts', 'export default {};\n');
  write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
  it('calls a folder without a build, or without a recorded fingerprint, stale', () => {
    expect(buildIsCurrent(root, dist)).toBe(false);
    write(`${dist}/BUILD_ID`, 'built by an older build step');
    expect(buildIsCurrent(root, dist)).toBe(false);
    build();
    expect(buildIsCurrent(root, dist)).toBe(true);
  });

  it('keeps a build current when every file is touched but none changed (npm install, a fresh checkout)', () => {
    build();
    touchEverything(new Date(Date.now() + 60_000));
    expect(buildIsCurrent(root, dist)).toBe(true);
  });

  it('calls a build stale when one source byte changes', () => {
    build();
    write('lib/site.ts', "export const SITE_NAME = '示例新闻站';\n");
    expect(buildIsCurrent(root, dist)).toBe(false);
  });

  it('calls a build stale when a source file is added or renamed', () => {
    build();
    write('app/about/page.tsx', 'export default function About() { return null; }\n');
    expect(buildIsCurrent(root, dist)).toBe(false);
    build();
    fs.renameSync(path.join(root, 'app/about/page.tsx'), path.join(root, 'app/about/page.ts'));
    expect(buildIsCurrent(root, dist)).toBe(false);
  });

  it('keeps a build current when the lock is rewritten with other key order and whitespace', () => {
    build();
    const reordered = {
      packages: Object.fromEntries(
        Object.entries(lock.packages)
          .reverse()
          .map(([where, p]) => [where, Object.fromEntries(Object.entries(p).reverse())]),
      ),
      requires: true,
      lockfileVersion: 3,
      version: '0.1.0',
      name: 'news-portal',
    };
    write('package-lock.json', JSON.stringify(reordered, null, '\t'));
    expect(buildIsCurrent(root, dist)).toBe(true);
  });

  it('calls a build stale when a dependency version changes', () => {
    build();
    const upgraded = structuredClone(lock);
    upgraded.packages['node_modules/zod'].version = '4.6.8';
    upgraded.packages['node_modules/zod'].integrity = 'sha512-zod-4.6.8';
    write('package-lock.json', `${JSON.stringify(upgraded, null, 2)}\n`);
    expect(buildIsCurrent(root, dist)).toBe(false);
  });

  it('forgets the fingerprint when a build starts, so a build that fails halfway is never current', () => {
    build();
    forgetBuildFingerprint(root, dist);
    expect(buildIsCurrent(root, dist)).toBe(false);
  });
});
