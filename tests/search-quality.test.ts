/**
 * Recall and precision of site search on a written-down query set (tests/fixtures/search-queries.json):
 * a small corpus built to contain the hard cases (names inside longer names, words that straddle a
 * word boundary, acronyms, numbers, full-width letters) plus the seed article, and for each query the
 * articles a reader should find. The same set is run through the tokenizations considered for the
 * index, so the choice stays justified by figures; the shipped one must meet the thresholds.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '@/db/queries/search';
import { isVisibleToReaders } from '@/db/visibility';
import { htmlToText } from '@/lib/html';
import { parseQuery } from '@/lib/search/query';
import { indexText, termTokens } from '@/lib/search/tokenize';
import { useTestDatabase } from './helpers/test-db';
import { insertFixtureCorpus, type QuerySet } from './helpers/search-corpus';

const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/search-queries.json'), 'utf8'),
) as QuerySet;

type Scores = { recall: number; precision: number; f1: number; perfect: number };

function score(results: Array<{ expect: string[]; got: string[] }>): Scores {
  let tp = 0;
  let expected = 0;
  let retrieved = 0;
  let perfect = 0;
  for (const r of results) {
    const hit = r.got.filter((k) => r.expect.includes(k)).length;
    tp += hit;
    expected += r.expect.length;
    retrieved += r.got.length;
    if (hit === r.expect.length && r.got.length === r.expect.length) perfect++;
  }
  const recall = expected ? tp / expected : 1;
  const precision = retrieved ? tp / retrieved : 1;
  return { recall, precision, f1: (2 * recall * precision) / (recall + precision || 1), perfect };
}

const fmt = (s: Scores) =>
  `recall ${(s.recall * 100).toFixed(1)}%  precision ${(s.precision * 100).toFixed(1)}%  F1 ${(s.f1 * 100).toFixed(1)}%  exact ${s.perfect}/${fixture.queries.length}`;

describe('search quality on the query set', () => {
  let env: ReturnType<typeof useTestDatabase>;
  let keyOf: Map<number, string>;
  beforeAll(() => {
    env = useTestDatabase({ articles: 0 });
    keyOf = insertFixtureCorpus(env.db, fixture.corpus);
  });
  afterAll(() => env.cleanup());

  it('has at least 40 queries, each with its expected articles written down', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(40);
    const keys = new Set([...keyOf.values()]);
    for (const q of fixture.queries) for (const k of q.expect) expect(keys, `${q.q} expects ${k}`).toContain(k);
  });

  it('the shipped search (bigram index) meets recall ≥ 95% and precision ≥ 95%', async () => {
    const results = [];
    const misses: string[] = [];
    for (const q of fixture.queries) {
      const parsed = parseQuery(q.q);
      const got = parsed ? (await searchArticles(parsed, { pageSize: 100 })).hits.map((h) => keyOf.get(h.id)!) : [];
      results.push({ expect: q.expect, got });
      const missing = q.expect.filter((k) => !got.includes(k));
      const extra = got.filter((k) => !q.expect.includes(k));
      if (missing.length || extra.length) misses.push(`${q.q}: missing [${missing}] extra [${extra}]`);
    }
    const s = score(results);
    console.log(`[search quality] shipped (site search, public): ${fmt(s)}\n  differences: ${misses.join('; ') || 'none'}`);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('beats the alternatives measured on the same set', () => {
    const docs = [...keyOf.entries()]
      .map(([id, key]) => ({ id, key, ...(env.db.$client.prepare('select title, subtitle, summary, body, status, published_at as publishedAt, unpublish_at as unpublishAt from articles where id = ?').get(id) as { title: string; subtitle: string | null; summary: string; body: string; status: string; publishedAt: number | null; unpublishAt: number | null }) }))
      .filter((d) => isVisibleToReaders(d));
    const text = (d: (typeof docs)[number]) => [d.title, d.subtitle ?? '', d.summary, htmlToText(d.body)].join('\n');
    const jieba = Jieba.withDict(dict);
    const norm = (s: string) => s.normalize('NFKC').toLowerCase();
    const words = (list: string[]) => list.map(norm).filter((w) => /[\p{L}\p{N}]/u.test(w));
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const terms = (q: string) => {
      const parts = q.match(/"[^"]*"|\S+/g) ?? [];
      return parts.map((p) => p.replaceAll('"', ''));
    };
    type Strategy = { name: string; tokenize: string; index: (t: string) => string; query: (q: string) => string | null };
    const strategies: Strategy[] = [
      {
        name: 'bigram (shipped)',
        tokenize: "unicode61 remove_diacritics 0",
        index: indexText,
        query: (q) => parseQuery(q)?.match ?? null,
      },
      {
        name: 'jieba words',
        tokenize: "unicode61 remove_diacritics 0",
        index: (t) => words(jieba.cutForSearch(t, true)).join(' '),
        query: (q) => {
          const ws = terms(q).flatMap((t) => words(jieba.cut(t, true)));
          return ws.length ? ws.map((w) => quote(w)).join(' AND ') : null;
        },
      },
      {
        name: 'unigram phrase',
        tokenize: "unicode61 remove_diacritics 0",
        index: (t) => [...norm(t)].map((c) => (/\p{Script=Han}/u.test(c) ? ` ${c} ` : c)).join(''),
        query: (q) => {
          const ts = terms(q).map((t) => [...norm(t)].map((c) => (/\p{Script=Han}/u.test(c) ? ` ${c} ` : c)).join('').trim()).filter(Boolean);
          return ts.length ? ts.map((t) => quote(t)).join(' AND ') : null;
        },
      },
      {
        name: 'FTS5 unicode61 as is',
        tokenize: "unicode61",
        index: (t) => t,
        query: (q) => (terms(q).length ? terms(q).map(quote).join(' AND ') : null),
      },
      {
        name: 'FTS5 trigram as is',
        tokenize: 'trigram',
        index: (t) => t,
        query: (q) => (terms(q).length ? terms(q).map(quote).join(' AND ') : null),
      },
    ];
    const lines: string[] = [];
    const f1 = new Map<string, number>();
    for (const st of strategies) {
      const mem = new Database(':memory:');
      mem.exec(`create virtual table f using fts5(t, tokenize = ${quote(st.tokenize).replaceAll('"', "'")})`);
      const ins = mem.prepare('insert into f (rowid, t) values (?, ?)');
      for (const d of docs) ins.run(d.id, st.index(text(d)));
      const results = fixture.queries.map((q) => {
        const expr = st.query(q.q);
        let got: string[] = [];
        if (expr) {
          try {
            got = (mem.prepare('select rowid as id from f where f match ?').all(expr) as Array<{ id: number }>).map((r) => keyOf.get(r.id)!);
          } catch {
            got = [];
          }
        }
        return { expect: q.expect, got };
      });
      const s = score(results);
      f1.set(st.name, s.f1);
      const bytes = (mem.prepare(`select sum(pgsize) as n from dbstat where name like 'f\\_%' escape '\\'`).get() as { n: number }).n;
      lines.push(`  ${st.name.padEnd(22)} ${fmt(s)}  index ${(bytes / 1024).toFixed(0)} KB`);
      mem.close();
    }
    console.log(`[search quality] tokenizations compared on ${fixture.queries.length} queries:\n${lines.join('\n')}`);
    // termTokens is what the shipped query side uses: keep it honest against the index side.
    expect(termTokens('龙泉').map((t) => t.text)).toEqual(['龙泉']);
    const shipped = f1.get('bigram (shipped)')!;
    for (const [name, value] of f1) expect(shipped, `bigram vs ${name}`).toBeGreaterThanOrEqual(value);
  });
});
