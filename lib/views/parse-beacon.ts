import { z } from 'zod';
import { parsePositiveId } from '@/lib/params';

export const MAX_BEACON_BYTES = 256;

const beaconSchema = z.object({ id: z.union([z.number().int().positive(), z.string()]) }).strict();

/** The article id a beacon body names, or null for anything malformed. */
export function parseBeacon(text: string): number | null {
  if (text.length === 0 || Buffer.byteLength(text) > MAX_BEACON_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success) return null;
  const id = parsed.data.id;
  return typeof id === 'number' ? (Number.isSafeInteger(id) ? id : null) : parsePositiveId(id);
}
