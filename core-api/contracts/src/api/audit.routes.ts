import { AuditPage, AuditQuery, AuditVerification } from '../audit.js';
import { defineRoute } from './route.js';

export const listAudit = defineRoute({
  operationId: 'listAudit',
  method: 'get',
  path: '/api/v1/audit',
  auth: 'admin',
  summary: 'The append-only audit log of every write, newest first, filtered. Administrators only.',
  tags: ['audit'],
  request: { query: AuditQuery },
  response: { status: 200, description: 'A page of audit records', schema: AuditPage },
});

export const verifyAudit = defineRoute({
  operationId: 'verifyAudit',
  method: 'get',
  path: '/api/v1/audit/verify',
  auth: 'admin',
  summary: 'Checks the audit log’s hash chain (each record’s hash over its content and the previous hash): intact, or the first broken record. Administrators only.',
  tags: ['audit'],
  response: { status: 200, description: 'The result of the check', schema: AuditVerification },
});
