// Following an import from a remote: the upload with its progress, then the job's live events, then the rest of
// its pipeline (recalculation, aggregation) step after step; abort and retry. The state is Vue refs, so a Pinia
// setup store returns them as its own. Separate entry (`@co2/shell-sdk/jobs`): the shell does not load it.
import { ref, shallowRef } from 'vue';
import { ImportAccepted, Job, Pipeline, isTerminalJobState } from '@co2/contracts';
import type { ApiClient } from './api-client.js';
import type { ApiError } from './api-error.js';
import { followEvents, type EventFollow } from './event-stream.js';
import { settle, toApiError } from './load-state.js';
import { postForm, type UploadProgress } from './upload.js';

export type UploadState = { status: 'idle' } | { status: 'uploading'; loaded: number; total: number | null } | { status: 'error'; error: ApiError };

const path = (kind: 'jobs' | 'pipelines', id: string, rest = '') => `/v1/${kind}/${encodeURIComponent(id)}${rest}`;

/** The job endpoints of core-api (through the BFF), every answer parsed with its contract. */
export const jobsApi = {
  startImport: (api: ApiClient, form: FormData, options: { onProgress: (p: UploadProgress) => void; signal: AbortSignal }) =>
    postForm(api.baseUrl, '/v1/imports', ImportAccepted, form, options),
  job: (api: ApiClient, id: string) => api.get(path('jobs', id), Job),
  abort: (api: ApiClient, id: string) => api.post(path('jobs', id, '/abort'), Job),
  retry: (api: ApiClient, id: string) => api.post(path('jobs', id, '/retry'), Job),
  pipeline: (api: ApiClient, id: string) => api.get(path('pipelines', id), Pipeline),
  abortPipeline: (api: ApiClient, id: string) => api.post(path('pipelines', id, '/abort'), Pipeline),
  /** Live job updates (Server-Sent Events) until the job ends. */
  follow: (api: ApiClient, id: string, handlers: { onJob: (job: Job) => void; onError: (error: Error) => void }): EventFollow =>
    followEvents(api.baseUrl, path('jobs', id, '/events'), {
      event: 'job',
      schema: Job,
      onData: handlers.onJob,
      onError: handlers.onError,
      isLast: (job) => isTerminalJobState(job.state),
    }),
};

export interface JobTrackerHooks {
  /** The file was accepted (202): its job is followed from now on. */
  onUploaded?: (api: ApiClient) => void;
  /** The followed job reached its end (the pipeline's next steps are then followed). */
  onJobEnded?: (api: ApiClient) => void;
}

export function createJobTracker(hooks: JobTrackerHooks = {}) {
  const upload = ref<UploadState>({ status: 'idle' });
  const job = ref<Job | null>(null);
  /** Failures of the live stream, abort or retry: shown beside the job, the job stays visible. */
  const jobError = shallowRef<ApiError | null>(null);
  const pipeline = ref<Pipeline | null>(null);

  let uploadControl: AbortController | null = null;
  let jobStream: EventFollow | null = null;
  let pipelineStream: EventFollow | null = null;

  /** Uploads the form (multipart: fields, then the file) and follows the job it starts. */
  async function start(api: ApiClient, form: FormData) {
    close();
    uploadControl = new AbortController();
    upload.value = { status: 'uploading', loaded: 0, total: null };
    try {
      const accepted = await jobsApi.startImport(api, form, {
        signal: uploadControl.signal,
        onProgress: ({ loaded, total }) => (upload.value = { status: 'uploading', loaded, total }),
      });
      upload.value = { status: 'idle' };
      follow(api, accepted.job);
      hooks.onUploaded?.(api);
    } catch (error) {
      upload.value = { status: 'error', error: toApiError(error) };
    } finally {
      uploadControl = null;
    }
  }

  function cancelUpload() {
    uploadControl?.abort();
  }

  /** Shows a job and, until it ends, follows its events; then its pipeline. */
  function follow(api: ApiClient, current: Job) {
    close();
    job.value = current;
    jobError.value = null;
    pipeline.value = null;
    if (isTerminalJobState(current.state)) {
      void watchPipeline(api);
      return;
    }
    jobStream = jobsApi.follow(api, current.id, {
      onJob: (next) => {
        job.value = next;
        if (isTerminalJobState(next.state)) {
          void watchPipeline(api);
          hooks.onJobEnded?.(api);
        }
      },
      onError: (error) => {
        jobError.value = toApiError(error);
        void refresh(api);
      },
    });
  }

  /** Loads a job by id and follows it (a history row, a link). */
  async function open(api: ApiClient, id: string) {
    const loaded = await settle(() => jobsApi.job(api, id));
    if (loaded.status === 'ready') follow(api, loaded.data);
    else if (loaded.status === 'error') jobError.value = loaded.error;
  }

  /** Re-reads the shown job (after its stream broke). */
  async function refresh(api: ApiClient) {
    if (!job.value) return;
    const loaded = await settle(() => jobsApi.job(api, job.value!.id));
    if (loaded.status === 'ready') job.value = loaded.data;
  }

  /** Loads the job's pipeline and follows its next unfinished job, step after step. */
  async function watchPipeline(api: ApiClient) {
    const id = job.value?.pipelineId;
    if (!id) return;
    const loaded = await settle(() => jobsApi.pipeline(api, id));
    if (loaded.status !== 'ready') return;
    pipeline.value = loaded.data;
    const active = loaded.data.jobs.find((j) => !isTerminalJobState(j.state));
    pipelineStream?.close();
    pipelineStream = active
      ? jobsApi.follow(api, active.id, {
          onJob: (next) => {
            if (pipeline.value) pipeline.value = { ...pipeline.value, jobs: pipeline.value.jobs.map((j) => (j.id === next.id ? next : j)) };
            if (isTerminalJobState(next.state)) void watchPipeline(api);
          },
          onError: () => void 0,
        })
      : null;
  }

  async function abort(api: ApiClient) {
    if (!job.value) return;
    const result = await settle(() => jobsApi.abort(api, job.value!.id));
    if (result.status === 'ready') job.value = result.data;
    else if (result.status === 'error') jobError.value = result.error;
  }

  async function retry(api: ApiClient) {
    if (!job.value) return;
    const result = await settle(() => jobsApi.retry(api, job.value!.id));
    if (result.status === 'ready') follow(api, result.data);
    else if (result.status === 'error') jobError.value = result.error;
  }

  /** Stops every queued or running job of the shown pipeline (e.g. a long recalculation). */
  async function abortPipeline(api: ApiClient) {
    if (!pipeline.value) return;
    const result = await settle(() => jobsApi.abortPipeline(api, pipeline.value!.id));
    if (result.status === 'ready') pipeline.value = result.data;
    else if (result.status === 'error') jobError.value = result.error;
  }

  /** Closes the live streams (leaving the page). */
  function close() {
    jobStream?.close();
    pipelineStream?.close();
    jobStream = null;
    pipelineStream = null;
  }

  /** Forgets the shown import (a new dialog starts clean): streams closed, upload cancelled, state cleared. */
  function reset() {
    close();
    cancelUpload();
    upload.value = { status: 'idle' };
    job.value = null;
    jobError.value = null;
    pipeline.value = null;
  }

  return { upload, job, jobError, pipeline, start, cancelUpload, follow, open, abort, retry, abortPipeline, close, reset };
}

export type JobTracker = ReturnType<typeof createJobTracker>;
