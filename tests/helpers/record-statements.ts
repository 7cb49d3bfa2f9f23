import type Database from 'better-sqlite3';

export type StatementRecorder = {
  /** Each SQL text prepared while recording, with the parameters of its first execution. */
  recorded: Map<string, unknown[]>;
  /** The connection's own prepare, for EXPLAIN QUERY PLAN without recording it. */
  prepare: Database.Database['prepare'];
  stop: () => void;
};

/**
 * Records every statement a connection prepares and the values it first runs with, so a test
 * can EXPLAIN QUERY PLAN exactly what the code under test executed, for real parameter values.
 */
export function recordStatements(sqlite: Database.Database): StatementRecorder {
  const recorded = new Map<string, unknown[]>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          if (!recorded.has(source)) recorded.set(source, args);
          return run(...args);
        },
      });
    }
    return statement;
  }) as Database.Database['prepare'];
  return { recorded, prepare, stop: () => void (sqlite.prepare = prepare) };
}
