import { UnitCode } from './units.js';
import { z } from './zod.js';

const Token = z.string().trim().min(1).max(200);

/** `GET /api/v1/audit`: the audit log, newest first, filtered. */
export const AuditQuery = z.strictObject({
  action: Token.optional().describe('e.g. entry.create, module.validate, year_configuration.put'),
  entityType: Token.optional(),
  entityId: Token.optional(),
  unit: UnitCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  actor: Token.optional().describe('token subject of the actor'),
  from: z.iso.datetime({ offset: true }).optional().describe('occurred at or after (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('occurred before (ISO 8601)'),
  q: z.string().trim().min(1).max(100).optional().describe('text in the action, entity, unit, actor or the before/after values (case-insensitive)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditRecord = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorSubject: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitCode: z.string().nullable(),
    year: z.number().int().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })
  .openapi('AuditRecord');
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditPage = z
  .object({ items: z.array(AuditRecord), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .openapi('AuditPage');
export type AuditPage = z.infer<typeof AuditPage>;

/** `GET /api/v1/audit/verify`: the hash chain checked over the whole log (`audit_log_verify()`). */
export const AuditVerification = z
  .object({
    /** True when every record's hash and link to the previous one are what its content gives. */
    intact: z.boolean(),
    /** The first record whose hash or link does not match (null when intact). */
    firstBrokenSeq: z.number().int().nullable(),
    records: z.number().int(),
    checkedAt: z.string(),
  })
  .openapi('AuditVerification');
export type AuditVerification = z.infer<typeof AuditVerification>;
