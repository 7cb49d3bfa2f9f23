/**
 * EXPLAIN QUERY PLAN names a table by the alias the query gave it (`SCAN a` for
 * `from articles a`), so a check for `SCAN articles` alone misses every aliased full scan.
 * These helpers read the FROM and JOIN clauses of a statement to map each name a plan line
 * can use back to the tables it may stand for.
 */

const KEYWORDS = new Set([
  'as', 'cross', 'except', 'full', 'group', 'having', 'indexed', 'inner', 'intersect', 'join', 'left', 'limit', 'natural',
  'not', 'on', 'order', 'outer', 'right', 'select', 'union', 'using', 'where', 'window', 'with',
]);

/** Words that end a FROM clause at its own parenthesis depth. */
const CLAUSE_ENDS = new Set(['except', 'group', 'having', 'intersect', 'limit', 'order', 'returning', 'select', 'union', 'where', 'window']);

type Token = { kind: 'word' | 'punct'; text: string };

/** Words (bare or quoted identifiers) and punctuation; string literals and comments dropped. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  const re = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|([A-Za-z_][\w$]*)|(\S)/g;
  for (const m of sql.matchAll(re)) {
    const word = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (word !== undefined) tokens.push({ kind: 'word', text: m[4] === undefined ? word : word.toLowerCase() });
    else if (m[5] !== undefined) tokens.push({ kind: 'punct', text: m[5] });
  }
  return tokens;
}

/**
 * For a statement, every name a plan line may use for a table source (its alias, or its own
 * name when it has none) → the tables it stands for. An alias reused for different tables in
 * different subqueries maps to all of them.
 */
export function planNames(sql: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (name: string, table: string) => {
    const key = name.toLowerCase();
    names.set(key, (names.get(key) ?? new Set()).add(table.toLowerCase()));
  };
  const tokens = tokenize(sql);
  const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i]!.text.toLowerCase() : '');
  const isName = (i: number) => tokens[i]?.kind === 'word' && !KEYWORDS.has(word(i));
  /** Reads `table [AS] alias` at i (a subquery "(" is left to the walk, which reaches its own FROM). */
  const tableSource = (i: number) => {
    if (!isName(i)) return;
    let table = tokens[i]!.text;
    let at = i + 1;
    if (tokens[at]?.text === '.' && isName(at + 1)) {
      table = tokens[at + 1]!.text; // schema.table
      at += 2;
    }
    if (word(at) === 'as') at++;
    add(isName(at) ? tokens[at]!.text : table, table);
  };
  // Per parenthesis depth: whether the walk is inside that level's FROM clause, where a comma
  // starts another table source (commas inside ON expressions sit in deeper parentheses or none).
  const inFrom: boolean[] = [false];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const depth = inFrom.length - 1;
    if (t.kind === 'punct' && t.text === '(') {
      inFrom.push(false);
    } else if (t.kind === 'punct' && t.text === ')') {
      if (inFrom.length > 1) inFrom.pop();
    } else if (t.kind === 'punct' && t.text === ',') {
      if (inFrom[depth]) tableSource(i + 1);
    } else if (word(i) === 'from' || word(i) === 'join') {
      inFrom[depth] = true;
      tableSource(i + 1);
    } else if (CLAUSE_ENDS.has(word(i))) {
      inFrom[depth] = false;
    }
  }
  return names;
}

/**
 * The tables a plan line reads in full (`SCAN <name>`, with or without an index), resolved
 * through the statement's aliases. A name the statement does not declare (a subquery's result,
 * say) is returned as it stands.
 */
export function scannedTables(sql: string, planDetails: string[]): string[] {
  const names = planNames(sql);
  const out: string[] = [];
  for (const detail of planDetails) {
    const m = /^SCAN (\S+)/.exec(detail);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    out.push(...(names.get(name) ?? [name]));
  }
  return out;
}
