/**
 * Runs once when a server process starts, under server.ts and under plain `next start` or
 * `next dev` alike, before Next answers any request. In the Node.js server only (not the edge
 * runtime), and not while `next build` loads the app to prerender pages:
 * - refuses to serve in production unless started through server.ts, the front door that the
 *   portal's redirects, list pages, view beacon and early 404s depend on (lib/server-entry.ts);
 * - refuses to serve when no session secret can be had (no NEXTAUTH_SECRET and no writable data
 *   folder for a generated one), rather than failing at the first staff sign-in (lib/auth/secret.ts);
 * - starts the publish scheduler (lib/scheduler), unless SCHEDULER_DISABLED=1. A build must not
 *   publish anything.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { refuseToServeWithoutServerTs } = await import('./lib/server-entry');
  refuseToServeWithoutServerTs();
  const { ensureAuthSecret } = await import('./lib/auth/secret');
  try {
    ensureAuthSecret();
  } catch (error) {
    console.error(`[启动] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (process.env.SCHEDULER_DISABLED === '1') return;
  const { startScheduler } = await import('./lib/scheduler/scheduler');
  startScheduler();
}
