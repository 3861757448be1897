import type { AuditPage, AuditQuery } from '@co2/contracts';

/** The audit log for administrators (the route admits administrators only). */
export function createListAudit(deps: { audit: { list(filter: AuditQuery): Promise<AuditPage> } }) {
  return (query: AuditQuery): Promise<AuditPage> => deps.audit.list(query);
}
