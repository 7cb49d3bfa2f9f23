import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md walks a newcomer through the code file by file. A renamed or deleted
 * file would leave it pointing at nothing; this keeps every path it names real.
 */
const ROOT = path.resolve(__dirname, '..');
const doc = fs.readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** Backticked names that look like repository paths: a known top folder, or a root file. */
function namedPaths(text: string): string[] {
  const names = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!.replace(/\s.*$/, ''));
  return [...new Set(names.filter((n) => /^(app|components|db|lib|e2e|tests|scripts|docs|deploy)\//.test(n) || /^[\w.-]+\.(ts|json|jsonc|md)$/.test(n)))];
}

describe('docs/ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const named = namedPaths(doc);
    expect(named.length).toBeGreaterThan(30);
    // A module may be named without its extension (`db/client`), a folder with `/*`.
    const exists = (p: string) => ['', '.ts', '.tsx'].some((ext) => fs.existsSync(path.join(ROOT, p.replace(/\/\*?$/, '') + ext)));
    const missing = named.filter((p) => !exists(p));
    expect(missing).toEqual([]);
  });
});
