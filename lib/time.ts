/** The newsroom's clock: dates are shown and bucketed in Asia/Shanghai whatever the server's zone. */
export const NEWSROOM_TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000; // China has had no daylight saving time since 1991.

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: NEWSROOM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of the instant in Asia/Shanghai. */
export function shanghaiDay(at: Date | number = Date.now()): string {
  return dayFormat.format(typeof at === 'number' ? new Date(at) : at);
}

/** YYYY-MM-DD HH:mm of the instant in Asia/Shanghai. */
export function shanghaiDateTime(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO 8601 with the +08:00 offset, as structured data and feeds want it. */
export function isoShanghai(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** The instant of 00:00 on the given Shanghai day (YYYY-MM-DD). */
export function startOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

/** The Shanghai day `n` days before `day`. */
export function daysBefore(day: string, n: number): string {
  return shanghaiDay(startOfShanghaiDay(day).getTime() - n * 86_400_000);
}

/** Parses "YYYY-MM-DDTHH:mm" or "YYYY-MM-DD HH:mm" typed by staff as Shanghai local time. */
export function parseShanghaiLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`));
  return Number.isNaN(d.getTime()) ? null : d;
}
