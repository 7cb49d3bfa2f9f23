import { shanghaiDay } from '@/lib/time';

/** Dates as the newsroom prints them: YYYY-MM-DD in Asia/Shanghai. */
export function formatDay(at: Date): string {
  return shanghaiDay(at);
}
