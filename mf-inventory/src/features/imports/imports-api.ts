import { ImportCatalogue } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

/** The import endpoints only this remote uses (the job ones are the sdk's `jobsApi`), answers parsed with the contracts. */
export const importsApi = {
  catalogue: (api: ApiClient) => api.get('/v1/imports/catalogue', ImportCatalogue),
  templateUrl: (api: ApiClient, query: string) => `${api.baseUrl}/v1/imports/template?${query}`,
};
