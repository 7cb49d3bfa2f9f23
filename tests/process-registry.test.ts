import { afterAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './helpers/test-db';

/**
 * server.ts and each of Next's route bundles load their own copy of a module; the state they
 * must share (lib/process-registry.ts) has to come out the same whichever copy asks. Here two
 * copies are two module instances: vi.resetModules() makes the second import evaluate afresh.
 */
async function twoCopies<M>(load: () => Promise<M>): Promise<[M, M]> {
  vi.resetModules();
  const first = await load();
  vi.resetModules();
  const second = await load();
  return [first, second];
}

describe('process singletons', () => {
  const testDb = useTestDatabase({ seed: false });
  afterAll(() => testDb.cleanup());

  it('gives two module instances the same object', async () => {
    const [a, b] = await twoCopies(() => import('@/lib/process-registry'));
    expect(a).not.toBe(b);
    const made = a.processSingleton('test-thing', () => ({ made: 'first' }));
    expect(b.processSingleton('test-thing', () => ({ made: 'second' }))).toBe(made);
  });

  it('shares the database connection, the view buffer, the scheduler, presence and the process name', async () => {
    const [a, b] = await twoCopies(async () => ({
      db: await import('@/db/client'),
      views: await import('@/lib/views/view-counter'),
      scheduler: await import('@/lib/scheduler/scheduler-state'),
      presence: await import('@/lib/workflow/presence'),
      origin: await import('@/lib/cache/process-origin'),
    }));
    expect(a.db.getDb).not.toBe(b.db.getDb);
    expect(b.db.getDb()).toBe(a.db.getDb());
    expect(b.views.viewCounter()).toBe(a.views.viewCounter());
    expect(b.scheduler.schedulerState()).toBe(a.scheduler.schedulerState());
    expect(b.origin.processOrigin()).toBe(a.origin.processOrigin());
    // Presence keeps no getter: one copy records an editor, the other must see them.
    a.presence.touchPresence(7, 1, '甲', 1_000);
    expect(b.presence.touchPresence(7, 2, '乙', 2_000)).toEqual(['甲']);
  });
});
