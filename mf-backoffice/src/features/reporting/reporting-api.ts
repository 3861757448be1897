// The core-api routes the reporting page uses, each answer parsed with its contract.
import { ReportingPage, UnitList } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

export const reportingApi = {
  page: (api: ApiClient, search: URLSearchParams) => api.get(`/v1/reporting?${search}`, ReportingPage),
  units: (api: ApiClient) => api.get('/v1/units', UnitList),
  /** Download addresses of the exports (streamed by the browser as a file, never read into the page). */
  exportUrl: (api: ApiClient, format: 'csv' | 'json', search: URLSearchParams) => `${api.baseUrl}/v1/reporting/export.${format}?${search}`,
};
