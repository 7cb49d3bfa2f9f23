import { randomBytes, timingSafeEqual } from 'node:crypto';
import { processSingleton } from '@/lib/process-registry';

/**
 * The publish scheduler's per-process state (lib/process-registry.ts): instrumentation.ts and the
 * app's route handlers and actions are separate bundles of the same process, and this is the
 * one object they share (the timer, the secret the internal route checks, and `rearm`).
 */
export type SchedulerState = {
  secret: string;
  started: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** When the timer will fire (epoch ms), for logs and tests. */
  wakeAt?: number;
  /** Set by the running scheduler: re-reads the next due time and re-arms the timer. */
  rearm?: () => void;
};

export function schedulerState(): SchedulerState {
  return processSingleton<SchedulerState>('scheduler', () => ({ secret: randomBytes(32).toString('hex'), started: false }));
}

export const SCHEDULER_SECRET_HEADER = 'x-scheduler-secret';

/** Constant-time check of the secret presented to the internal route. */
export function isSchedulerSecret(presented: string | null): boolean {
  const state = schedulerState();
  if (!state.started || !presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(state.secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Called after any change to scheduled articles so the timer wakes at the new earliest time. */
export function rearmScheduler(): void {
  schedulerState().rearm?.();
}
