/**
 * The one place for state that must exist once per process (the database connection, the view
 * buffer, the scheduler, editor presence, the process's name in the shared cache log, the
 * front-door marker).
 *
 * A module-level `let` is not enough here: one portal process holds several copies of the same
 * module. server.ts loads its own through tsx; Next loads the app's modules again in its own
 * bundles, and may load a module once per route bundle (instrumentation.ts, each page, each route
 * handler, server actions), and `npm run dev` evaluates them again after every edit. Each copy
 * has its own module scope, but they all share globalThis,
 * so every singleton lives in one Map under one Symbol.for key there. Symbol.for (not a plain
 * Symbol) because the copies must find the same key; a single key so the set of singletons is
 * listed by one grep for processSingleton.
 */
const REGISTRY = Symbol.for('news-portal.process-registry');

type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, unknown> };

function registry(): Map<string, unknown> {
  const g = globalThis as GlobalWithRegistry;
  g[REGISTRY] ??= new Map();
  return g[REGISTRY];
}

/**
 * This process's one `T` under `key`, made by `create` the first time any copy of any module asks.
 * Each key belongs to one module, which alone knows its type: hold mutable state in an object
 * (e.g. `{ db?: DB }`) rather than swapping the value, so every copy sees the change.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const all = registry();
  if (!all.has(key)) all.set(key, create());
  return all.get(key) as T;
}
