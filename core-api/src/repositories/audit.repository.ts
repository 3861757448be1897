import { auditLog } from '../db/schema/index.js';
import type { Executor } from './executor.js';

export interface AuditEvent {
  actor: { id: string; subject: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitCode?: string | null;
  year?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one record to the hash-chained audit log, inside the caller's transaction (the write and its record
 * commit together). The database trigger sets the chain position and the hashes.
 */
export async function appendAudit(db: Executor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    actorId: event.actor?.id ?? null,
    actorSubject: event.actor?.subject ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    unitCode: event.unitCode ?? null,
    year: event.year ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
