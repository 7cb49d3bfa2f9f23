import { afterAll, describe, expect, it } from 'vitest';
import { databaseHealth } from '@/db/queries/health';
import { GET } from '@/app/api/health/route';
import { useTestDatabase } from './helpers/test-db';

/** /api/health, as a load balancer sees it: 200 + JSON when usable, 503 when not. */
const { db, cleanup } = useTestDatabase({ seed: false });
afterAll(cleanup);

describe('/api/health', () => {
  it('answers 200 with the database in WAL mode and migrations current', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(await res.json()).toEqual({ ok: true, database: 'ok', migrations: 'current', journalMode: 'wal' });
  });

  it('answers 503 when the newest shipped migration is not applied', async () => {
    const sqlite = db.$client;
    const newest = sqlite.prepare('select hash, created_at from __drizzle_migrations order by created_at desc limit 1').get() as {
      hash: string;
      created_at: number;
    };
    sqlite.prepare('delete from __drizzle_migrations where hash = ? and created_at = ?').run(newest.hash, newest.created_at);
    try {
      expect(await databaseHealth()).toMatchObject({ ok: false, database: 'ok', migrations: 'pending' });
      expect((await GET()).status).toBe(503);
    } finally {
      sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(newest.hash, newest.created_at);
    }
    expect((await GET()).status).toBe(200);
  });

  it('answers 503 without details when the database cannot be used', async () => {
    db.$client.close();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'error', migrations: 'unknown' });
  });
});
