import fs from 'node:fs';
import path from 'node:path';

/**
 * V8's explicit compile hint (Chrome 136+; other engines read it as a comment): every function in
 * a file that starts with it is compiled eagerly, on the background thread that streams the script,
 * instead of lazily on the main thread the first time it is called. The browser chunks of a Next
 * build are module factories that all run during hydration; compiled lazily, their compilation was
 * about a third of the main thread's script time at start-up (see README "Lighthouse").
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of each browser chunk in `<distDir>/static/chunks`. Idempotent:
 * a chunk that already starts with it is left alone. Returns how many files it changed.
 */
export function addCompileHints(distDir: string): number {
  const dir = path.join(distDir, 'static', 'chunks');
  if (!fs.existsSync(dir)) throw new Error(`no browser chunks in ${dir}: run next build first`);
  let changed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.js')) continue;
    const file = path.join(dir, name);
    const source = fs.readFileSync(file, 'utf8');
    if (source.startsWith(COMPILE_HINT)) continue;
    fs.writeFileSync(file, COMPILE_HINT + source);
    changed++;
  }
  return changed;
}
