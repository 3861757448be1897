// The core-api routes the factors pages use, each answer parsed with its contract.
import { AuditPage, CopyFactorsResult, Factor, FactorImpact, FactorPage, FactorWritten, YearConfiguration, YearList, type CopyFactorsBody, type CreateFactorBody, type UpdateFactorBody } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

export const factorsApi = {
  list: (api: ApiClient, search: URLSearchParams) => api.get(`/v1/factors?${search}`, FactorPage),
  get: (api: ApiClient, id: string) => api.get(`/v1/factors/${encodeURIComponent(id)}`, Factor),
  create: (api: ApiClient, body: CreateFactorBody) => api.post('/v1/factors', FactorWritten, body),
  update: (api: ApiClient, id: string, body: UpdateFactorBody) => api.patch(`/v1/factors/${encodeURIComponent(id)}`, FactorWritten, body),
  /** When and by whom the factor changed: its audit records, newest first. */
  history: (api: ApiClient, id: string) => api.get(`/v1/audit?${new URLSearchParams({ entityType: 'factor', entityId: id, pageSize: '50' })}`, AuditPage),
  /** The impact of new values, computed by core-api without writing anything. */
  impact: (api: ApiClient, id: string, values: Record<string, unknown>) => api.post(`/v1/factors/${encodeURIComponent(id)}/impact`, FactorImpact, { values }),
  copyYear: (api: ApiClient, body: CopyFactorsBody) => api.post('/v1/factor-copies', CopyFactorsResult, body),
  years: (api: ApiClient) => api.get('/v1/years', YearList),
  yearConfiguration: (api: ApiClient, year: number) => api.get(`/v1/years/${year}/configuration`, YearConfiguration),
};
