import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Two rules have one home each (docs/ARCHITECTURE.md): who may read an article
 * (db/visibility.ts) and what a public URL looks like (lib/routes.ts). These checks read the
 * application's source the way a reviewer would and fail on a line that spells either rule
 * out again, so a new query or link cannot quietly bypass them.
 */
const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['app', 'components', 'db', 'lib', 'server.ts', 'proxy.ts', 'instrumentation.ts'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (path.basename(p) === 'migrations') return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else if (/\.(ts|tsx)$/.test(p) && !p.endsWith('.d.ts')) out.push(p);
  };
  for (const entry of SCANNED) visit(path.join(ROOT, entry));
  return out;
}

/** The code of a file with its comments blanked out (comments may name URLs and columns). */
export function codeOnly(text: string): string[] {
  const withoutBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '));
  return withoutBlocks.split('\n').map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')));
}

type Offence = { file: string; line: number; text: string };

function offences(pattern: RegExp, allowed: string[]): Offence[] {
  const found: Offence[] = [];
  for (const file of sourceFiles()) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    if (allowed.includes(rel)) continue;
    codeOnly(fs.readFileSync(file, 'utf8')).forEach((text, i) => {
      if (pattern.test(text)) found.push({ file: rel, line: i + 1, text: text.trim() });
    });
  }
  return found;
}

// The status column, the generated flag and a hand-written time rule are the visibility rule's parts.
const VISIBILITY_SPELLED_OUT = /is_public|isPublic\b|isReaderVisible|published_?[aA]t\s*<=|status\s*===?\s*'published'\s*\|\|/;
// A quoted path that starts like a public route: home-relative /news, /hot, /search, feeds, sitemaps, media.
const PUBLIC_URL_LITERAL = /[`'"]\/(news|hot|search|rss\.xml|sitemap|sitemaps|media)(?=[/`'"?$]|\$\{)/;

describe('one home for each public-content rule', () => {
  it('no public read spells out who may see an article outside db/visibility.ts', () => {
    // db/schema.ts declares the generated column from PUBLIC_STATUS_SQL; lib/search/sql-functions.ts
    // copies the column into the search index when rebuilding it (no decision is made there).
    const found = offences(VISIBILITY_SPELLED_OUT, ['db/visibility.ts', 'db/schema.ts', 'lib/search/sql-functions.ts']);
    expect(found).toEqual([]);
  });

  it('no public URL is written outside lib/routes.ts', () => {
    expect(offences(PUBLIC_URL_LITERAL, ['lib/routes.ts'])).toEqual([]);
  });

  it('the guards themselves see an offence when one is there', () => {
    const sample = [
      "const rows = db.prepare('select id from articles where is_public = 1').all();",
      'const href = `/news/${slug}/${id}`;',
      "// a comment may say /news/<slug> and is_public freely",
    ].join('\n');
    const lines = codeOnly(sample);
    expect(lines.filter((l) => VISIBILITY_SPELLED_OUT.test(l))).toHaveLength(1);
    expect(lines.filter((l) => PUBLIC_URL_LITERAL.test(l))).toHaveLength(1);
  });
});
