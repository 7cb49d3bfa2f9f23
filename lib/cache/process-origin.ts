import { randomBytes } from 'node:crypto';
import { processSingleton } from '@/lib/process-registry';

/**
 * This portal process's name in the shared invalidation log, one per process
 * (lib/process-registry.ts): server.ts and the app's bundles (server actions, route handlers)
 * are separate module instances of one process, and must not take each other's entries for
 * another process's.
 */
export function processOrigin(): string {
  return processSingleton('process-origin', () => `${process.pid}-${randomBytes(6).toString('hex')}`);
}
