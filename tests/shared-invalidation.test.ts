import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInvalidation } from '@/db/mutations/cache-invalidations';
import type { StalePaths } from '@/lib/cache/content-change';
import { followOtherProcesses, REPLAY_MS } from '@/lib/cache/shared-invalidation';
import { processOrigin } from '@/lib/cache/process-origin';
import { useTestDatabase } from './helpers/test-db';

/**
 * Several portal processes on one database: what one revalidates after a write, the others
 * revalidate in their own caches. The "other process" here is a second connection to the file.
 */
describe('the shared cache invalidation log', () => {
  let env: ReturnType<typeof useTestDatabase>;
  let other: Database.Database;
  const ME = 'this-process';
  const NOW = new Date('2026-11-29T08:00:00Z');

  /** What another process's refreshAfter leaves in the log. */
  function logFromOtherProcess(paths: StalePaths, at: Date, origin = 'other-process'): void {
    other
      .prepare('insert into cache_invalidations (at, origin, pages, layouts) values (?, ?, ?, ?)')
      .run(at.getTime(), origin, JSON.stringify(paths.pages), JSON.stringify(paths.layouts));
  }

  beforeAll(() => {
    env = useTestDatabase({ seed: false });
    other = new Database(env.file);
  });
  afterAll(() => {
    other.close();
    env.cleanup();
  });

  it('replays at start what other processes changed within the last hour, then follows new entries', async () => {
    logFromOtherProcess({ pages: ['/news/old/1'], layouts: [] }, new Date(NOW.getTime() - REPLAY_MS - 1000));
    logFromOtherProcess({ pages: ['/news/longquan/7', '/news/longquan'], layouts: ['/'] }, new Date(NOW.getTime() - 60_000));
    await recordInvalidation({ pages: ['/news/mine/2'], layouts: [] }, ME, new Date(NOW.getTime() - 30_000));

    const applied: StalePaths[] = [];
    const follower = followOtherProcesses(env.db.$client, {
      everyMs: 3_600_000,
      origin: ME,
      now: () => NOW,
      apply: async (paths) => (applied.push(paths), true),
    });
    try {
      await follower.check();
      expect(applied).toEqual([{ pages: ['/news/longquan/7', '/news/longquan'], layouts: ['/'] }]);

      // Nothing committed since: an idle tick reads no log and applies nothing.
      await follower.check();
      expect(applied).toHaveLength(1);

      // Two changes from two other processes between ticks arrive as one merged revalidation;
      // this process's own entry is skipped (it revalidated when it wrote it).
      logFromOtherProcess({ pages: ['/news/info/9', '/news/info'], layouts: ['/'] }, NOW);
      await recordInvalidation({ pages: ['/news/mine/3'], layouts: ['/'] }, ME, NOW);
      logFromOtherProcess({ pages: ['/news/info', '/hot'], layouts: ['/'] }, NOW, 'third-process');
      await follower.check();
      expect(applied[1]).toEqual({ pages: ['/news/info/9', '/news/info', '/hot'], layouts: ['/'] });
      expect(applied).toHaveLength(2);
    } finally {
      follower.stop();
    }
  });

  it('keeps a revalidation its server refused and retries it on the next tick', async () => {
    const attempts: StalePaths[] = [];
    let serverUp = false;
    const follower = followOtherProcesses(env.db.$client, {
      everyMs: 3_600_000,
      origin: ME,
      now: () => new Date(Date.now() + 2 * REPLAY_MS), // nothing to replay
      apply: async (paths) => (attempts.push(paths), serverUp),
    });
    try {
      await follower.check();
      expect(attempts).toEqual([]);
      logFromOtherProcess({ pages: ['/news/notices/5'], layouts: [] }, new Date());
      await follower.check();
      serverUp = true;
      await follower.check(); // no new commit, but the failed one is still owed
      await follower.check();
      expect(attempts).toEqual([
        { pages: ['/news/notices/5'], layouts: [] },
        { pages: ['/news/notices/5'], layouts: [] },
      ]);
    } finally {
      follower.stop();
    }
  });

  it('is pruned after a day', async () => {
    await recordInvalidation({ pages: ['/news/x/1'], layouts: [] }, processOrigin(), new Date(Date.now() + 25 * 3_600_000));
    const rows = env.db.$client.prepare('select origin, pages from cache_invalidations').all() as Array<{ origin: string; pages: string }>;
    expect(rows).toEqual([{ origin: processOrigin(), pages: '["/news/x/1"]' }]);
  });
});
