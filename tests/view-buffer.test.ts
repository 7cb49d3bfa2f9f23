import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleClause } from '@/db/visibility';
import { handleViewBeacon } from '@/lib/views/beacon-http';
import { DailyReaders } from '@/lib/views/daily-readers';
import { viewCounter } from '@/lib/views/view-counter';
import { ViewBuffer } from '@/lib/views/view-buffer';
import { refreshHotOnOtherWriters } from '@/lib/views/hot-refresh';
import { parseBeacon } from '@/lib/views/parse-beacon';
import { isBotUserAgent } from '@/lib/views/bots';
import { useTestDatabase } from './helpers/test-db';

describe('ViewBuffer', () => {
  const { db, file, cleanup } = useTestDatabase({ articles: 20 });
  // A second connection sees PRAGMA data_version move once per transaction committed by others.
  const observer = new Database(file, { readonly: true });
  afterAll(() => {
    observer.close();
    cleanup();
  });
  const dataVersion = () => observer.pragma('data_version', { simple: true }) as number;
  const stored = (id: number, day: string) =>
    (db.$client.prepare('select count from article_views_daily where article_id = ? and day = ?').get(id, day) as
      | { count: number }
      | undefined)?.count ?? 0;

  it('turns N beacons into one write transaction', () => {
    const buffer = new ViewBuffer(db.$client, { flushIntervalMs: 60_000 });
    const at = new Date('2026-11-29T02:00:00Z');
    const before = stored(3, '2026-11-29');
    const version = dataVersion();
    for (let i = 0; i < 500; i++) buffer.record(3, at);
    for (let i = 0; i < 250; i++) buffer.record(4, at);
    expect(dataVersion()).toBe(version); // nothing written yet
    expect(buffer.flush()).toBe(750);
    expect(dataVersion()).toBe(version + 1);
    expect(stored(3, '2026-11-29')).toBe(before + 500);
    expect(buffer.flush()).toBe(0);
    expect(dataVersion()).toBe(version + 1);
  });

  it('tells its listener how many views a flush wrote, and only when it wrote some', () => {
    const buffer = new ViewBuffer(db.$client, { flushIntervalMs: 60_000 });
    const heard: number[] = [];
    buffer.onFlushed = (written) => heard.push(written);
    buffer.flush();
    buffer.record(6, new Date('2026-11-29T02:00:00Z'));
    buffer.record(6, new Date('2026-11-29T02:00:00Z'));
    buffer.flush();
    expect(heard).toEqual([2]);
  });

  it('notices counts another process wrote, and only those, to refresh 周热点', async () => {
    const other = new Database(file);
    let refreshes = 0;
    const timer = refreshHotOnOtherWriters(db.$client, 20, () => refreshes++);
    try {
      await new Promise((r) => setTimeout(r, 80));
      const own = new ViewBuffer(db.$client);
      own.record(7, new Date('2026-11-29T02:00:00Z'));
      own.flush();
      await new Promise((r) => setTimeout(r, 80));
      expect(refreshes).toBe(0); // this process's own flushes refresh through onFlushed instead
      const elsewhere = new ViewBuffer(other);
      elsewhere.record(7, new Date('2026-11-29T02:00:00Z'));
      elsewhere.flush();
      await new Promise((r) => setTimeout(r, 80));
      expect(refreshes).toBe(1);
    } finally {
      clearInterval(timer);
      other.close();
    }
  });

  it('adds to counts already stored (several processes can flush into the same rows)', () => {
    const a = new ViewBuffer(db.$client, { flushIntervalMs: 60_000 });
    const b = new ViewBuffer(db.$client, { flushIntervalMs: 60_000 });
    const at = new Date('2026-11-28T02:00:00Z');
    const before = stored(5, '2026-11-28');
    a.record(5, at);
    b.record(5, at);
    b.record(5, at);
    a.flush();
    b.flush();
    expect(stored(5, '2026-11-28')).toBe(before + 3);
  });

  it('buckets by the Asia/Shanghai day', () => {
    const buffer = new ViewBuffer(db.$client, { flushIntervalMs: 60_000 });
    buffer.record(6, new Date('2026-11-27T16:30:00Z')); // 00:30 on the 28th in Shanghai
    buffer.flush();
    expect(stored(6, '2026-11-28')).toBeGreaterThanOrEqual(1);
  });

  it('caps the distinct keys held between flushes', () => {
    const buffer = new ViewBuffer(db.$client, { maxKeys: 3, flushIntervalMs: 60_000 });
    const at = new Date('2026-11-29T02:00:00Z');
    expect([1, 2, 3, 4, 5].map((id) => buffer.record(id, at))).toEqual([true, true, true, false, false]);
    expect(buffer.record(1, at)).toBe(true); // an existing key still counts
    expect(buffer.pendingKeys).toBe(3);
    expect(buffer.dropped).toBe(2);
    buffer.flush();
  });
});

describe('beacon parsing', () => {
  it('accepts an id and rejects everything else', () => {
    expect(parseBeacon('{"id":12}')).toBe(12);
    expect(parseBeacon('{"id":"12"}')).toBe(12);
    for (const bad of ['', '{}', 'null', '[]', '{"id":-1}', '{"id":0}', '{"id":1.5}', '{"id":"1e3"}', '{"id":1e309}', '{"id":12,"x":1}', '{"id":', 'x'.repeat(300)]) {
      expect(parseBeacon(bad), bad).toBeNull();
    }
  });

  it('recognises bots by user agent', () => {
    expect(isBotUserAgent('Mozilla/5.0 (compatible; Baiduspider/2.0)')).toBe(true);
    expect(isBotUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1)')).toBe(true);
    expect(isBotUserAgent(null)).toBe(true);
    expect(isBotUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe(false);
  });
});

describe('one view per reader per article per day', () => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36';
  const morning = new Date('2026-11-29T01:00:00Z'); // 09:00 in Shanghai
  const sameDayLate = new Date('2026-11-29T15:59:00Z'); // 23:59 in Shanghai
  const nextDay = new Date('2026-11-29T16:00:00Z'); // 00:00 the next day in Shanghai

  it('counts 50 beacons from one client as one view, and two clients as two', () => {
    const readers = new DailyReaders();
    const counted = Array.from({ length: 50 }, () => readers.admit('203.0.113.9', chrome, 7, morning)).filter(Boolean);
    expect(counted).toHaveLength(1);
    expect(readers.admit('203.0.113.10', chrome, 7, morning)).toBe(true);
    expect(readers.admit('203.0.113.9', chrome, 8, morning)).toBe(true); // another article
    expect(readers.admit('203.0.113.9', chrome, 7, sameDayLate)).toBe(false);
  });

  it('counts the same client again on the next Shanghai day', () => {
    const readers = new DailyReaders();
    expect(readers.admit('203.0.113.9', chrome, 7, sameDayLate)).toBe(true);
    expect(readers.admit('203.0.113.9', chrome, 7, nextDay)).toBe(true);
    expect(readers.admit('203.0.113.9', chrome, 7, nextDay)).toBe(false);
  });

  it('caps one address per article per day however it varies its User-Agent', () => {
    const readers = new DailyReaders({ maxPerAddress: 20 });
    const counted = Array.from({ length: 200 }, (_, i) => readers.admit('203.0.113.9', `${chrome} r${i}`, 7, morning)).filter(Boolean);
    expect(counted).toHaveLength(20);
  });

  it('stays within its memory bound, forgetting the oldest reader first', () => {
    const readers = new DailyReaders({ maxClients: 100, maxPerAddress: 1000 });
    for (let i = 0; i < 1000; i++) expect(readers.admit(`10.0.${i >> 8}.${i & 255}`, chrome, 7, morning)).toBe(true);
    expect(readers.size).toBe(100);
    expect(readers.admit('10.0.3.231', chrome, 7, morning)).toBe(false); // the 1000th, still remembered
    expect(readers.admit('10.0.0.0', chrome, 7, morning)).toBe(true); // the first, forgotten
  });

  it('over HTTP: 50 beacons with forged X-Forwarded-For count once, under the socket address', async () => {
    const { db, cleanup } = useTestDatabase({ articles: 5 });
    const id = (db.$client.prepare(`select id from articles where ${visibleClause()} order by id limit 1`).get({ now: Date.now() }) as { id: number }).id;
    const server = http.createServer(handleViewBeacon);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/views`;
    try {
      viewCounter().flush();
      for (let i = 0; i < 50; i++) {
        const res = await fetch(url, {
          method: 'POST',
          body: JSON.stringify({ id }),
          headers: { 'user-agent': chrome, 'x-forwarded-for': `198.51.100.${i}`, 'x-portal-client-ip': `198.51.100.${i}` },
        });
        expect(res.status).toBe(204);
      }
      expect(viewCounter().flush()).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      cleanup();
    }
  });
});
