// The core-api routes the dashboard uses, each parsed with its contract.
import { Benchmark, Evolution, Results, Trajectory, Unit } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

const unitPath = (unit: string) => `/v1/units/${encodeURIComponent(unit)}`;

export const resultsApi = {
  /** Validated modules only, unless `provisional` (every module, whatever its status). */
  results: (api: ApiClient, unit: string, year: number, provisional: boolean) =>
    api.get(`${unitPath(unit)}/years/${year}/results${provisional ? '?provisional=true' : ''}`, Results),
  unit: (api: ApiClient, unit: string) => api.get(unitPath(unit), Unit),
  evolution: (api: ApiClient, unit: string) => api.get(`${unitPath(unit)}/results/evolution`, Evolution),
  trajectory: (api: ApiClient, unit: string, year: number) => api.get(`${unitPath(unit)}/years/${year}/trajectory`, Trajectory),
  benchmark: (api: ApiClient, unit: string, year: number) => api.get(`${unitPath(unit)}/years/${year}/benchmark`, Benchmark),
};
