import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { auditLog, type AuditEntry } from '../schema';

export type AuditFilter = { action?: string; actor?: string; from?: Date; to?: Date };

function where(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) conditions.push(eq(auditLog.actorName, filter.actor));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  return conditions.length ? and(...conditions) : undefined;
}

/** One page of the audit log, newest first, with the total for pagination. */
export async function listAudit(filter: AuditFilter, page: number, pageSize = 50): Promise<{ rows: AuditEntry[]; total: number }> {
  const db = getDb();
  const condition = where(filter);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

/** The action names that occur in the log, for the filter's choices. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
