import { AuditPage, AuditQuery } from '../audit.js';
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
