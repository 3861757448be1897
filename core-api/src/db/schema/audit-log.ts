import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained log of every write. A trigger (in the migration: drizzle cannot express it)
 * serialises inserts, sets `seq`, `previous_hash` and `hash = sha256(previous_hash || payload)` and refuses
 * UPDATE, DELETE and TRUNCATE; `audit_log_verify()` returns the first `seq` whose hash does not check.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Position in the chain (set by the trigger). */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0).unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorSubject: text('actor_subject'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    unitCode: text('unit_code'),
    year: integer('year'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    previousHash: text('previous_hash'),
    hash: text('hash').notNull().default(sql`''`).unique(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_occurred_idx').on(t.occurredAt)],
);
