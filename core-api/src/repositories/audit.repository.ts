import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import * as schema from '../db/schema/index.js';
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

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  unit?: string;
  year?: number;
  actor?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Case-insensitive text search over what a record says (LIKE wildcards in the text are literal). */
const searchAudit = (text: string): SQL => {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`concat_ws(' ', ${auditLog.action}, ${auditLog.entityType}, ${auditLog.entityId}, ${auditLog.unitCode}, ${auditLog.actorSubject}, ${auditLog.before}::text, ${auditLog.after}::text) ILIKE ${pattern}`;
};

/** Reads the audit log, newest first (the log itself is append-only: the trigger refuses any change). */
export function createAuditRepository(db: Database) {
  return {
    async list(f: AuditFilter) {
      const conditions: SQL[] = [];
      if (f.action) conditions.push(eq(auditLog.action, f.action));
      if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
      if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
      if (f.unit) conditions.push(eq(auditLog.unitCode, f.unit));
      if (f.year !== undefined) conditions.push(eq(auditLog.year, f.year));
      if (f.actor) conditions.push(eq(auditLog.actorSubject, f.actor));
      if (f.from) conditions.push(gte(auditLog.occurredAt, new Date(f.from)));
      if (f.to) conditions.push(lt(auditLog.occurredAt, new Date(f.to)));
      if (f.q) conditions.push(searchAudit(f.q));
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          occurredAt: r.occurredAt.toISOString(),
          actorSubject: r.actorSubject,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          unitCode: r.unitCode,
          year: r.year,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
        total: total?.n ?? 0,
        page: f.page,
        pageSize: f.pageSize,
      };
    },

    /** The chain check of the database (`audit_log_verify()`: the first record whose hash or link is wrong). */
    async verify(): Promise<{ firstBrokenSeq: number | null; records: number }> {
      const result = await db.execute(sql`SELECT audit_log_verify()::bigint AS broken, (SELECT count(*) FROM audit_log)::int AS records`);
      const row = result.rows[0] as { broken: string | number | null; records: number };
      return { firstBrokenSeq: row.broken === null ? null : Number(row.broken), records: row.records };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** `appendAudit` on a raw client's open transaction (jobs write over one dedicated connection). */
export async function auditOnClient(client: pg.ClientBase, event: AuditEvent): Promise<void> {
  // drizzle over the import's connection: the record commits with the upsert (Executor is typed for the pool).
  await appendAudit(drizzle(client as pg.PoolClient, { schema }) as unknown as Executor, event);
}
