import { ImportCatalogue, JobPage, type JobState } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

/** The import endpoints only the back office uses (the job ones are the sdk's `jobsApi`), answers parsed with the contracts. */
export const importsApi = {
  catalogue: (api: ApiClient) => api.get('/v1/imports/catalogue', ImportCatalogue),
  templateUrl: (api: ApiClient, query: string) => `${api.baseUrl}/v1/imports/template?${query}`,
  jobs: (api: ApiClient, query: { state: JobState | null; page: number; pageSize: number }) => {
    const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.state) search.set('state', query.state);
    return api.get(`/v1/jobs?${search.toString()}`, JobPage);
  },
};
