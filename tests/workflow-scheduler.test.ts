import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './helpers/test-db';
import { publishDueArticles } from '@/db/mutations/articles';
import { startScheduler } from '@/lib/scheduler/scheduler';
import { SCHEDULER_SECRET_HEADER, isSchedulerSecret, rearmScheduler, schedulerState } from '@/lib/scheduler/scheduler-state';

/**
 * The publish scheduler wakes at the earliest scheduled time (re-armed after a change), calls
 * its own internal route with the process secret, and catches up on start-up. (What the route
 * refreshes, here and in the other processes, is tests/refresh.test.ts.)
 */
let ctx: ReturnType<typeof useTestDatabase>;
const calls: Array<{ url: string; secret: string | null; at: number; published: number[] }> = [];

function schedule(title: string, at: Date): number {
  const now = Date.now();
  const sectionId = (ctx.db.$client.prepare('select id from sections order by id limit 1').get() as { id: number }).id;
  const r = ctx.db.$client
    .prepare("insert into articles (section_id, title, body, status, published_at, created_at, updated_at) values (?, ?, '<p>x</p>', 'scheduled', ?, ?, ?)")
    .run(sectionId, title, at.getTime(), now, now);
  return Number(r.lastInsertRowid);
}

function status(id: number): string {
  return (ctx.db.$client.prepare('select status from articles where id = ?').get(id) as { status: string }).status;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  ctx = useTestDatabase({ articles: 5 });
  // Stands in for the internal route: check the secret, flip what is due, answer like it does.
  vi.stubGlobal('fetch', async (url: string, init: { headers: Record<string, string> }) => {
    const secret = init.headers[SCHEDULER_SECRET_HEADER] ?? null;
    if (!isSchedulerSecret(secret)) return new Response('Not Found', { status: 404 });
    const published = publishDueArticles(new Date()).map((a) => a.id);
    calls.push({ url, secret, at: Date.now(), published });
    return Response.json({ published });
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  ctx.cleanup();
});

describe('publish scheduler', () => {
  it('catches up on start-up with what it missed while down', async () => {
    const missed = schedule('停机期间到期', new Date(Date.now() - 10 * 60_000));
    startScheduler();
    startScheduler(); // a second start in the same process is a no-op
    await vi.advanceTimersByTimeAsync(1_100);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/internal\/scheduler$/);
    expect(calls[0]!.secret).toBe(schedulerState().secret);
    expect(status(missed)).toBe('published');
  });

  it('wakes at the next scheduled time once re-armed, not before', async () => {
    calls.length = 0;
    const at = new Date(Date.now() + 30_000);
    const id = schedule('三十秒后', at);
    rearmScheduler();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toHaveLength(0);
    expect(status(id)).toBe('scheduled');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(at.getTime());
    expect(status(id)).toBe('published');
  });

  it('notices a schedule made elsewhere (another process) within its capped sleep', async () => {
    calls.length = 0;
    const id = schedule('别的进程排的', new Date(Date.now() + 5_000));
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toHaveLength(1);
    expect(status(id)).toBe('published');
  });

  it('leaves a go-live another process flipped to that process (its refresh reaches this one through the shared log)', async () => {
    calls.length = 0;
    const id = schedule('另一个进程发布的', new Date(Date.now() + 2_000));
    await vi.advanceTimersByTimeAsync(1_000);
    // The other process won the race: by the time this one wakes, nothing is due any more.
    expect(publishDueArticles(new Date(Date.now() + 1_500)).map((a) => a.id)).toEqual([id]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toEqual([]);
  });

  it('accepts only its own secret', () => {
    expect(isSchedulerSecret(schedulerState().secret)).toBe(true);
    expect(isSchedulerSecret('x'.repeat(64))).toBe(false);
    expect(isSchedulerSecret(null)).toBe(false);
  });
});
