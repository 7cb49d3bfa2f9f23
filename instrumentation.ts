/**
 * Runs once when a server process starts. Starts the publish scheduler (lib/scheduler) in the
 * Node.js server only: not in the edge runtime, and not while `next build` loads the app to
 * prerender pages (a build must not publish anything).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.SCHEDULER_DISABLED === '1') return;
  const { startScheduler } = await import('./lib/scheduler/scheduler');
  startScheduler();
}
