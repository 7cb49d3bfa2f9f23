import crypto from 'node:crypto';
import { databasePath, getDb } from '@/db/client';

const META_KEY = 'nextauth_secret';

/**
 * The key that signs and encrypts session tokens. NEXTAUTH_SECRET wins when set; otherwise a
 * random one is generated on first use and kept in site_meta, so restarts and every process
 * sharing the database accept the same sessions, and no secret ever lives in the repository.
 * `insert or ignore` then re-read makes two processes starting at once agree on one value.
 */
let cached: { file: string; secret: string } | undefined;

export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  // Read once per process and database: the stored value never changes once written.
  const file = databasePath();
  if (cached?.file === file) return cached.secret;
  const sqlite = getDb().$client;
  sqlite
    .prepare('insert or ignore into site_meta (key, value) values (?, ?)')
    .run(META_KEY, crypto.randomBytes(32).toString('base64url'));
  const row = sqlite.prepare('select value from site_meta where key = ?').get(META_KEY) as { value: string };
  cached = { file, secret: row.value };
  return row.value;
}
