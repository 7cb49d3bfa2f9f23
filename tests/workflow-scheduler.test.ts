import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './helpers/test-db';

/**
 * The scheduler wakes at the earliest due time (a scheduled publication, the end of a 置顶, a
 * 定时下线; re-armed after a change), calls its own internal route with the process secret, and
 * catches up on start-up. The route here is the real one (app/api/internal/scheduler), with
 * Next's revalidatePath recorded, so each wake-up is checked down to the refresh it asks for and
 * the shared log entry other processes follow. (What a refresh covers is tests/refresh.test.ts.)
 */
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { publishDueArticles } = await import('@/db/mutations/articles');
const { nextScheduledAt } = await import('@/db/queries/admin-articles');
const { POST } = await import('@/app/api/internal/scheduler/route');
const { startScheduler } = await import('@/lib/scheduler/scheduler');
const { SCHEDULER_SECRET_HEADER, isSchedulerSecret, rearmScheduler, schedulerState } = await import('@/lib/scheduler/scheduler-state');

let ctx: ReturnType<typeof useTestDatabase>;
type Done = { published: number[]; pinsEnded: number[]; takenDown: number[] };
const calls: Array<{ url: string; secret: string | null; at: number } & Done> = [];

function schedule(title: string, at: Date): number {
  const now = Date.now();
  const sectionId = (ctx.db.$client.prepare('select id from sections order by id limit 1').get() as { id: number }).id;
  const r = ctx.db.$client
    .prepare("insert into articles (section_id, title, body, status, published_at, created_at, updated_at) values (?, ?, '<p>x</p>', 'scheduled', ?, ?, ?)")
    .run(sectionId, title, at.getTime(), now, now);
  return Number(r.lastInsertRowid);
}

function published(title: string, extra: { unpublishAt?: Date; pinEndsAt?: Date } = {}): number {
  const now = Date.now();
  const sectionId = (ctx.db.$client.prepare('select id from sections order by id limit 1').get() as { id: number }).id;
  const r = ctx.db.$client
    .prepare(
      "insert into articles (section_id, title, body, status, published_at, created_at, updated_at, unpublish_at, pinned, pin_ends_at) values (?, ?, '<p>x</p>', 'published', ?, ?, ?, ?, ?, ?)",
    )
    .run(sectionId, title, now - 60_000, now, now, extra.unpublishAt?.getTime() ?? null, extra.pinEndsAt ? 1 : 0, extra.pinEndsAt?.getTime() ?? null);
  return Number(r.lastInsertRowid);
}

function logCount(): number {
  return (ctx.db.$client.prepare('select count(*) as n from cache_invalidations').get() as { n: number }).n;
}

function pin(id: number): { pinned: number; pin_ends_at: number | null } {
  return ctx.db.$client.prepare('select pinned, pin_ends_at from articles where id = ?').get(id) as { pinned: number; pin_ends_at: number | null };
}

function status(id: number): string {
  return (ctx.db.$client.prepare('select status from articles where id = ?').get(id) as { status: string }).status;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  ctx = useTestDatabase({ articles: 5 });
  // The process's own server, reduced to the one route the scheduler calls.
  vi.stubGlobal('fetch', async (url: string, init: RequestInit & { headers: Record<string, string> }) => {
    const response = await POST(new Request(url, init));
    if (response.ok) calls.push({ url, secret: init.headers[SCHEDULER_SECRET_HEADER] ?? null, at: Date.now(), ...((await response.clone().json()) as Done) });
    return response;
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
    expect(calls[0]!.published).toEqual([missed]);
    expect(status(missed)).toBe('published');
    // The go-live refreshed this process's pages and told the others.
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
    expect(logCount()).toBeGreaterThan(0);
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

  it('ends a pin at its end time with nobody visiting, and refreshes the lists', async () => {
    calls.length = 0;
    revalidatePath.mockClear();
    const ends = new Date(Date.now() + 20_000);
    const id = published('置顶到二十秒后', { pinEndsAt: ends });
    rearmScheduler();
    await vi.advanceTimersByTimeAsync(1);
    expect(schedulerState().wakeAt).toBe(ends.getTime());
    await vi.advanceTimersByTimeAsync(19_000);
    expect(calls).toHaveLength(0);
    expect(pin(id)).toEqual({ pinned: 1, pin_ends_at: ends.getTime() });
    const logged = logCount();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(ends.getTime());
    expect(calls[0]!.pinsEnded).toEqual([id]);
    expect(pin(id)).toEqual({ pinned: 0, pin_ends_at: null });
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
    expect(logCount()).toBe(logged + 1);
    // Done once: the next minute brings no second call for it.
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toHaveLength(1);
  });

  it('refreshes at a take-down time (定时下线) with nobody visiting, once', async () => {
    calls.length = 0;
    revalidatePath.mockClear();
    const at = new Date(Date.now() + 30_000);
    const id = published('三十秒后下线', { unpublishAt: at });
    rearmScheduler();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toHaveLength(0);
    expect(revalidatePath).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(at.getTime());
    expect(calls[0]!.takenDown).toEqual([id]);
    expect(revalidatePath).toHaveBeenCalledWith('/', 'layout');
    // The status stays: the visibility rule hides it from now on (db/visibility.ts).
    expect(status(id)).toBe('published');
    const audit = ctx.db.$client.prepare("select detail from audit_log where action = 'article.unpublish' and target = ?").all(`article:${id}`);
    expect(audit).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toHaveLength(1);
    expect(await nextScheduledAt()).toBeUndefined();
  });

  it('leaves a take-down another process already refreshed (a log entry after its time) alone', async () => {
    calls.length = 0;
    const at = new Date(Date.now() + 10_000);
    published('别的进程已刷新的下线', { unpublishAt: at });
    rearmScheduler();
    await vi.advanceTimersByTimeAsync(5_000);
    // Another process woke first and logged its refresh just after the take-down time.
    ctx.db.$client
      .prepare("insert into cache_invalidations (at, origin, pages, layouts) values (?, 'other-process', '[]', '[\"/\"]')")
      .run(at.getTime() + 1);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(calls).toEqual([]);
  });

  it('accepts only its own secret', () => {
    expect(isSchedulerSecret(schedulerState().secret)).toBe(true);
    expect(isSchedulerSecret('x'.repeat(64))).toBe(false);
    expect(isSchedulerSecret(null)).toBe(false);
  });
});
