import type { AuditPage, AuditQuery, AuditVerification } from '@co2/contracts';
import type { Clock } from '../clock.js';

/** The audit log for administrators (the route admits administrators only). */
export function createListAudit(deps: { audit: { list(filter: AuditQuery): Promise<AuditPage> } }) {
  return (query: AuditQuery): Promise<AuditPage> => deps.audit.list(query);
}

/** The hash chain checked by the database over the whole log: intact, or the first broken record. */
export function createVerifyAudit(deps: { audit: { verify(): Promise<{ firstBrokenSeq: number | null; records: number }> }; clock: Clock }) {
  return async (): Promise<AuditVerification> => {
    const { firstBrokenSeq, records } = await deps.audit.verify();
    return { intact: firstBrokenSeq === null, firstBrokenSeq, records, checkedAt: new Date(deps.clock.now()).toISOString() };
  };
}
