import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT } from '../scripts/lib/compile-hints';

describe('compile hints on the browser chunks of a build', () => {
  let dist = '';
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('prefixes every .js chunk once, leaves other files and a second run alone', () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-hints-'));
    const chunks = path.join(dist, 'static', 'chunks');
    fs.mkdirSync(chunks, { recursive: true });
    fs.writeFileSync(path.join(chunks, 'a.js'), '(globalThis.TURBOPACK||=[]).push([1,e=>{}]);');
    fs.writeFileSync(path.join(chunks, 'b.js'), 'console.log(1)');
    fs.writeFileSync(path.join(chunks, 'c.css'), 'body{}');

    expect(addCompileHints(dist)).toBe(2);
    expect(fs.readFileSync(path.join(chunks, 'a.js'), 'utf8')).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||=[]).push([1,e=>{}]);`);
    expect(fs.readFileSync(path.join(chunks, 'c.css'), 'utf8')).toBe('body{}');

    expect(addCompileHints(dist)).toBe(0);
    expect(fs.readFileSync(path.join(chunks, 'b.js'), 'utf8')).toBe(`${COMPILE_HINT}console.log(1)`);
  });

  it('refuses a folder without a build', () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-hints-'));
    expect(() => addCompileHints(dist)).toThrow(/next build/);
  });
});
