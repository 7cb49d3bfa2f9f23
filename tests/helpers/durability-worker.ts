/**
 * A second process writing to the test database, for tests/durability*.test.ts and
 * tests/backup*.test.ts. Usage: tsx durability-worker.ts <mode> <count>
 *   audit   - inserts audit_log rows one transaction each and prints `ack <id>` after each commit
 *   save    - saves article <ARTICLE_ID> through the real saveArticle mutation in a loop
 *   save-many - saves the articles <ARTICLE_IDS> (comma-separated) in turn through saveArticle, each
 *             with a new title and body (so the search index triggers rewrite their rows), and
 *             prints `ack <id> <version> <title>` after each save has committed
 *   views   - records views through the process's ViewBuffer and flushes every 20
 * Writes "done" when finished; any error is printed as `error <code> <message>` and exits 1.
 * DATABASE_PATH points it at the test's database.
 */
import { getDb } from '@/db/client';
import { saveArticle } from '@/db/mutations/articles';
import { viewCounter } from '@/lib/views/view-counter';

const [mode, countArg] = process.argv.slice(2);
const count = Number(countArg ?? '1000');
const out = (line: string) => process.stdout.write(`${line}\n`);

try {
  const db = getDb();
  const sqlite = db.$client;
  if (mode === 'audit') {
    const insert = sqlite.prepare("insert into audit_log (at, action, target, detail) values (?, 'durability', ?, ?)");
    for (let i = 0; i < count; i++) {
      const info = insert.run(Date.now(), `w${i}`, 'x'.repeat(200));
      // better-sqlite3 returns only after COMMIT: this row is acknowledged.
      out(`ack ${info.lastInsertRowid}`);
    }
  } else if (mode === 'save') {
    const id = Number(process.env.ARTICLE_ID);
    const editor = { id: Number(process.env.EDITOR_ID), role: 'editor' as const };
    for (let i = 0; i < count; i++) {
      const current = sqlite.prepare('select * from articles where id = ?').get(id) as { version: number; title: string; section_id: number; body: string; summary: string; source: string };
      const result = saveArticle(
        id,
        current.version,
        {
          title: `第二进程保存 ${i}`,
          subtitle: null,
          sectionId: current.section_id,
          source: current.source,
          byline: [],
          responsibleEditor: null,
          summary: current.summary,
          coverImage: null,
          coverAlt: null,
          body: current.body,
        },
        editor,
      );
      if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
      out(`ack ${i}`);
    }
  } else if (mode === 'save-many') {
    const ids = String(process.env.ARTICLE_IDS).split(',').map(Number);
    const editor = { id: Number(process.env.EDITOR_ID), role: 'editor' as const };
    const read = sqlite.prepare('select version, section_id, source, summary from articles where id = ?');
    for (let i = 0; i < count; i++) {
      const id = ids[i % ids.length]!;
      const current = read.get(id) as { version: number; section_id: number; source: string; summary: string };
      const title = `耐久保存 第${i}次`;
      const result = saveArticle(
        id,
        current.version,
        {
          title,
          subtitle: null,
          sectionId: current.section_id,
          source: current.source,
          byline: [],
          responsibleEditor: null,
          summary: current.summary,
          coverImage: null,
          coverAlt: null,
          body: `<p>${title}的正文,${'段落文字'.repeat(50)}</p>`,
        },
        editor,
      );
      if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
      // saveArticle returns only after COMMIT: this save is acknowledged.
      out(`ack ${id} ${result.change.version} ${title}`);
    }
  } else if (mode === 'views') {
    const id = Number(process.env.ARTICLE_ID);
    const views = viewCounter();
    for (let i = 0; i < count; i++) {
      views.record(id);
      if (i % 20 === 19) views.flush();
    }
    views.flush();
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  out('done');
} catch (error) {
  const e = error as { code?: string; message: string };
  out(`error ${e.code ?? 'ERR'} ${e.message}`);
  process.exit(1);
}
