import { randomBytes } from 'node:crypto';

const KEY = Symbol.for('news-portal.process-origin');

/**
 * This portal process's name in the shared invalidation log. Kept on globalThis: server.ts and
 * the app's bundles (server actions, route handlers) are separate module instances of one process.
 */
export function processOrigin(): string {
  const g = globalThis as typeof globalThis & { [KEY]?: string };
  g[KEY] ??= `${process.pid}-${randomBytes(6).toString('hex')}`;
  return g[KEY];
}
