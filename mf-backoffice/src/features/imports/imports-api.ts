import { ImportAccepted, ImportCatalogue, Job, JobPage, Pipeline, isTerminalJobState, type JobState } from '@co2/contracts';
import { followEvents, postForm, type ApiClient, type EventFollow, type UploadProgress } from '@co2/shell-sdk';

/** The import and job endpoints of core-api (through the BFF), every answer parsed with its contract. */
export const importsApi = {
  catalogue: (api: ApiClient) => api.get('/v1/imports/catalogue', ImportCatalogue),
  start: (api: ApiClient, form: FormData, options: { onProgress: (p: UploadProgress) => void; signal: AbortSignal }) =>
    postForm(api.baseUrl, '/v1/imports', ImportAccepted, form, options),
  templateUrl: (api: ApiClient, query: string) => `${api.baseUrl}/v1/imports/template?${query}`,
  job: (api: ApiClient, id: string) => api.get(`/v1/jobs/${encodeURIComponent(id)}`, Job),
  jobs: (api: ApiClient, query: { state: JobState | null; page: number; pageSize: number }) => {
    const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.state) search.set('state', query.state);
    return api.get(`/v1/jobs?${search.toString()}`, JobPage);
  },
  abort: (api: ApiClient, id: string) => api.post(`/v1/jobs/${encodeURIComponent(id)}/abort`, Job),
  retry: (api: ApiClient, id: string) => api.post(`/v1/jobs/${encodeURIComponent(id)}/retry`, Job),
  pipeline: (api: ApiClient, id: string) => api.get(`/v1/pipelines/${encodeURIComponent(id)}`, Pipeline),
  abortPipeline: (api: ApiClient, id: string) => api.post(`/v1/pipelines/${encodeURIComponent(id)}/abort`, Pipeline),
  /** Live job updates (Server-Sent Events) until the job ends. */
  follow: (api: ApiClient, id: string, handlers: { onJob: (job: Job) => void; onError: (error: Error) => void }): EventFollow =>
    followEvents(api.baseUrl, `/v1/jobs/${encodeURIComponent(id)}/events`, {
      event: 'job',
      schema: Job,
      onData: handlers.onJob,
      onError: handlers.onError,
      isLast: (job) => isTerminalJobState(job.state),
    }),
};
