import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * React's cache() as Next's server renderer runs it: memoised within one request, a plain call
 * outside any. Vitest loads React's client build, whose cache() never memoises, so a test that
 * means to see one request's reads mocks `cache` with this and runs the request in inRequest().
 * Arguments are compared by value after JSON encoding (the memoised reads take ids and slugs).
 */
const scope = new AsyncLocalStorage<Map<unknown, Map<string, unknown>>>();

export function requestCache<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const store = scope.getStore();
    if (!store) return fn(...args);
    let memo = store.get(fn);
    if (!memo) store.set(fn, (memo = new Map()));
    const key = JSON.stringify(args);
    if (!memo.has(key)) memo.set(key, fn(...args));
    return memo.get(key) as R;
  };
}

/** Runs `request` as one request: what it memoises is forgotten when it ends. */
export function inRequest<T>(request: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), request);
}
