import { getDb } from '../client';
import { auditLog } from '../schema';

export type NewAuditEntry = {
  actorId?: number | null;
  actorName?: string | null;
  action: string;
  target?: string | null;
  detail?: string | null;
  ip?: string | null;
  at?: Date;
};

export async function insertAuditEntry(entry: NewAuditEntry): Promise<void> {
  await getDb()
    .insert(auditLog)
    .values({
      at: entry.at ?? new Date(),
      actorId: entry.actorId ?? null,
      actorName: entry.actorName ?? null,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
    });
}
