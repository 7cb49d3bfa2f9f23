import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, listAuditActions } from '@/db/queries/audit';
import { insertAuditEntry } from '@/db/mutations/audit';
import { recordAudit } from '@/lib/audit';
import { useTestDatabase } from './helpers/test-db';

let cleanup: () => void;
const day = (d: string, hh = '12') => new Date(`${d}T${hh}:00:00+08:00`);

beforeAll(async () => {
  ({ cleanup } = useTestDatabase({ seed: false }));
  await insertAuditEntry({ action: 'login.failure', actorName: 'zhang', ip: '10.0.0.1', at: day('2026-03-01') });
  await insertAuditEntry({ action: 'login.success', actorName: 'zhang', ip: '10.0.0.1', at: day('2026-03-01', '13') });
  await insertAuditEntry({ action: 'article.publish', actorName: 'li', target: '文章 7', at: day('2026-03-02', '00') });
  await insertAuditEntry({ action: 'user.disable', actorName: 'admin', target: 'zhang', at: day('2026-03-03', '23') });
  for (let i = 0; i < 60; i++) await insertAuditEntry({ action: 'article.save', actorName: 'li', at: new Date(day('2026-03-04').getTime() + i * 1000) });
});
afterAll(() => cleanup());

describe('audit log', () => {
  it('lists newest first, paginated', async () => {
    const first = await listAudit({}, 1, 50);
    expect(first.total).toBe(64);
    expect(first.rows).toHaveLength(50);
    const times = first.rows.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await listAudit({}, 2, 50);
    expect(second.rows).toHaveLength(14);
    expect(second.rows.at(-1)?.action).toBe('login.failure');
  });

  it('filters by action, user and Shanghai date range', async () => {
    expect((await listAudit({ actor: 'zhang' }, 1)).rows.map((r) => r.action)).toEqual(['login.success', 'login.failure']);
    expect((await listAudit({ action: 'user.disable' }, 1)).rows.map((r) => r.target)).toEqual(['zhang']);
    // 00:00 on 3 March Shanghai is still 2 March UTC: the range is in newsroom days.
    const range = await listAudit({ from: day('2026-03-02', '00'), to: day('2026-03-04', '00') }, 1);
    expect(range.rows.map((r) => r.action)).toEqual(['user.disable', 'article.publish']);
    expect(await listAuditActions()).toEqual(['article.publish', 'article.save', 'login.failure', 'login.success', 'user.disable']);
  });

  it('recordAudit stores who, what, target, detail and address', async () => {
    await recordAudit({ actorId: 3, actorName: 'wang', action: 'section.create', target: '体育', detail: 'slug=sports', ip: '192.0.2.1' });
    const [row] = (await listAudit({ action: 'section.create' }, 1)).rows;
    expect(row).toMatchObject({ actorId: 3, actorName: 'wang', target: '体育', detail: 'slug=sports', ip: '192.0.2.1' });
  });
});
