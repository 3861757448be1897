import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { isTerminalJobState, type ImportCatalogue, type Job, type JobPage, type JobState, type Pipeline } from '@co2/contracts';
import { settle, toApiError, type ApiClient, type ApiError, type EventFollow, type LoadState } from '@co2/shell-sdk';
import { importsApi } from './imports-api.js';

export type UploadState = { status: 'idle' } | { status: 'uploading'; loaded: number; total: number | null } | { status: 'error'; error: ApiError };

export const HISTORY_PAGE_SIZE = 20;

/** The data-imports page: catalogue, the upload, the job followed live with its pipeline, and the history. */
export const useImportsStore = defineStore('backoffice-imports', () => {
  const catalogue = ref<LoadState<ImportCatalogue>>({ status: 'loading' });
  const upload = ref<UploadState>({ status: 'idle' });
  const job = ref<Job | null>(null);
  /** Failures of the live stream, abort or retry: shown beside the job, the job stays visible. */
  const jobError = shallowRef<ApiError | null>(null);
  const pipeline = ref<Pipeline | null>(null);
  const history = ref<LoadState<JobPage>>({ status: 'loading' });
  const historyFilter = ref<JobState | null>(null);
  const historyPage = ref(1);

  let uploadControl: AbortController | null = null;
  let jobStream: EventFollow | null = null;
  let pipelineStream: EventFollow | null = null;

  async function loadCatalogue(api: ApiClient) {
    catalogue.value = { status: 'loading' };
    catalogue.value = await settle(() => importsApi.catalogue(api));
  }

  async function start(api: ApiClient, form: FormData) {
    stop();
    uploadControl = new AbortController();
    upload.value = { status: 'uploading', loaded: 0, total: null };
    try {
      const accepted = await importsApi.start(api, form, {
        signal: uploadControl.signal,
        onProgress: ({ loaded, total }) => (upload.value = { status: 'uploading', loaded, total }),
      });
      upload.value = { status: 'idle' };
      follow(api, accepted.job);
      void loadHistory(api);
    } catch (error) {
      upload.value = { status: 'error', error: toApiError(error) };
    } finally {
      uploadControl = null;
    }
  }

  function cancelUpload() {
    uploadControl?.abort();
  }

  /** Shows a job and, until it ends, follows its events; then its pipeline (recalculation, aggregation). */
  function follow(api: ApiClient, current: Job) {
    stop();
    job.value = current;
    jobError.value = null;
    pipeline.value = null;
    if (isTerminalJobState(current.state)) {
      void watchPipeline(api);
      return;
    }
    jobStream = importsApi.follow(api, current.id, {
      onJob: (next) => {
        job.value = next;
        if (isTerminalJobState(next.state)) {
          void watchPipeline(api);
          void loadHistory(api);
        }
      },
      onError: (error) => {
        jobError.value = toApiError(error);
        void refreshJob(api);
      },
    });
  }

  async function open(api: ApiClient, id: string) {
    const loaded = await settle(() => importsApi.job(api, id));
    if (loaded.status === 'ready') follow(api, loaded.data);
    else if (loaded.status === 'error') jobError.value = loaded.error;
  }

  async function refreshJob(api: ApiClient) {
    if (!job.value) return;
    const loaded = await settle(() => importsApi.job(api, job.value!.id));
    if (loaded.status === 'ready') job.value = loaded.data;
  }

  /** Loads the job's pipeline and follows its next unfinished job, step after step. */
  async function watchPipeline(api: ApiClient) {
    const id = job.value?.pipelineId;
    if (!id) return;
    const loaded = await settle(() => importsApi.pipeline(api, id));
    if (loaded.status !== 'ready') return;
    pipeline.value = loaded.data;
    const active = loaded.data.jobs.find((j) => !isTerminalJobState(j.state));
    pipelineStream?.close();
    pipelineStream = active
      ? importsApi.follow(api, active.id, {
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
    const result = await settle(() => importsApi.abort(api, job.value!.id));
    if (result.status === 'ready') job.value = result.data;
    else if (result.status === 'error') jobError.value = result.error;
  }

  async function retry(api: ApiClient) {
    if (!job.value) return;
    const result = await settle(() => importsApi.retry(api, job.value!.id));
    if (result.status === 'ready') follow(api, result.data);
    else if (result.status === 'error') jobError.value = result.error;
  }

  /** Stops every queued or running job of the shown pipeline (e.g. a long recalculation). */
  async function abortPipeline(api: ApiClient) {
    if (!pipeline.value) return;
    const result = await settle(() => importsApi.abortPipeline(api, pipeline.value!.id));
    if (result.status === 'ready') pipeline.value = result.data;
    else if (result.status === 'error') jobError.value = result.error;
  }

  async function loadHistory(api: ApiClient) {
    const query = { state: historyFilter.value, page: historyPage.value, pageSize: HISTORY_PAGE_SIZE };
    if (history.value.status !== 'ready') history.value = { status: 'loading' };
    history.value = await settle(() => importsApi.jobs(api, query));
  }

  /** Closes the live streams (leaving the page). */
  function stop() {
    jobStream?.close();
    pipelineStream?.close();
    jobStream = null;
    pipelineStream = null;
  }

  return { catalogue, upload, job, jobError, pipeline, history, historyFilter, historyPage, loadCatalogue, start, cancelUpload, follow, open, abort, retry, abortPipeline, loadHistory, stop };
});
