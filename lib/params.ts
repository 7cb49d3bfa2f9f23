/**
 * Parsers for what readers and crawlers put in URLs. They return null for anything but a
 * plain positive integer in range, so a page can answer 404 instead of throwing.
 */
export function parsePositiveId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/** `?page=` : absent means 1; anything but 1..100000 is invalid. */
export function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
