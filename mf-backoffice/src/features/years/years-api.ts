// The core-api routes the years pages use, each answer parsed with its contract.
import { YearConfiguration, YearList, type YearConfigurationBody } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

export const yearsApi = {
  list: (api: ApiClient) => api.get('/v1/years', YearList),
  get: (api: ApiClient, year: number) => api.get(`/v1/years/${year}/configuration`, YearConfiguration),
  put: (api: ApiClient, year: number, body: YearConfigurationBody) => api.put(`/v1/years/${year}/configuration`, YearConfiguration, body),
};
