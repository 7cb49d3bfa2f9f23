import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs `xmllint --noout --schema <xsd>` on an XML document; returns xmllint's verdict. */
export function xmllintSchema(xml: string, xsd: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-xml-'));
  try {
    const file = path.join(dir, 'doc.xml');
    fs.writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', path.join(process.cwd(), 'tests', 'fixtures', xsd), file], {
      encoding: 'utf8',
    });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every JSON-LD node of an HTML page, parsed the way a crawler reads it. */
export function jsonLdNodes(scripts: string[]): Array<Record<string, unknown>> {
  return scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
}
