import { nextScheduledAt } from '@/db/queries/admin-articles';
import type { DueChanges } from './due-changes';
import { SCHEDULER_SECRET_HEADER, schedulerState } from './scheduler-state';

/**
 * Carries out time-driven changes at their time with no visitor and no external cron (定时发布,
 * the end of a 置顶, 定时下线: lib/scheduler/due-changes.ts): the server process sleeps until the
 * earliest such time, then asks its own internal route (over
 * 127.0.0.1, with a per-process random secret) to flip what is due and refresh the pages,
 * because Next only accepts revalidatePath inside a request. Sleeps are capped, so a schedule
 * made by another process sharing the database, or clock drift, is noticed within a minute.
 *
 * When several processes share the database, whichever wakes first flips the article and logs
 * the change; the others learn of it from the shared log (lib/cache/shared-invalidation.ts),
 * not from a sweep of their own.
 */
const MAX_SLEEP_MS = Number(process.env.SCHEDULER_MAX_SLEEP_MS) || 60_000;
const RETRY_MS = 2_000;

/** This process's own server, for calls to its internal routes. */
export function internalOrigin(): string {
  // server.ts sets PORT; SCHEDULER_ORIGIN covers servers bound elsewhere.
  return process.env.SCHEDULER_ORIGIN || `http://127.0.0.1:${process.env.PORT || '3000'}`;
}

/**
 * POSTs to one of this process's internal routes (where revalidatePath works) with the
 * scheduler's per-process secret. Undefined when the scheduler is not running: there is no
 * secret then, and the routes answer 404 to everyone.
 */
export async function postInternal(path: string, body?: unknown): Promise<Response | undefined> {
  const state = schedulerState();
  if (!state.started) return undefined;
  return fetch(`${internalOrigin()}${path}`, {
    method: 'POST',
    headers: { [SCHEDULER_SECRET_HEADER]: state.secret, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
}

function arm(delayMs: number): void {
  const state = schedulerState();
  if (state.timer) clearTimeout(state.timer);
  const delay = Math.max(0, Math.min(delayMs, MAX_SLEEP_MS));
  state.wakeAt = Date.now() + delay;
  state.timer = setTimeout(() => void tick(), delay);
  // The timer alone must not keep a process alive that is otherwise shutting down.
  state.timer.unref?.();
}

async function rearmFromDatabase(): Promise<void> {
  const next = await nextScheduledAt();
  arm(next ? next.getTime() - Date.now() : MAX_SLEEP_MS);
}

async function tick(): Promise<void> {
  try {
    const next = await nextScheduledAt();
    if (next !== undefined && next.getTime() <= Date.now()) {
      const response = await postInternal('/api/internal/scheduler');
      if (!response?.ok) throw new Error(`internal route answered ${response?.status}`);
      const result = (await response.json()) as DueChanges;
      const at = new Date().toISOString();
      if (result.published.length) console.log(`[scheduler] ${at} 定时发布 ${result.published.length} 篇: ${result.published.join(', ')}`);
      if (result.pinsEnded.length) console.log(`[scheduler] ${at} 置顶到期 ${result.pinsEnded.length} 篇: ${result.pinsEnded.join(', ')}`);
      if (result.takenDown.length) console.log(`[scheduler] ${at} 定时下线 ${result.takenDown.length} 篇: ${result.takenDown.join(', ')}`);
    }
    await rearmFromDatabase();
  } catch (error) {
    // Typically the server is not listening yet right after start-up: try again shortly.
    console.error('[scheduler] 本次检查失败,稍后重试:', error instanceof Error ? error.message : error);
    arm(RETRY_MS);
  }
}

/** Starts the scheduler once per process; the first tick catches up on anything missed while down. */
export function startScheduler(): void {
  const state = schedulerState();
  if (state.started) return;
  state.started = true;
  state.rearm = () => void rearmFromDatabase().catch(() => arm(RETRY_MS));
  arm(1_000);
}
