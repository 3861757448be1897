// The core-api routes the audit page uses, each answer parsed with its contract.
import { AuditPage, AuditVerification } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

export const auditApi = {
  list: (api: ApiClient, search: URLSearchParams) => api.get(`/v1/audit?${search}`, AuditPage),
  verify: (api: ApiClient) => api.get('/v1/audit/verify', AuditVerification),
};
