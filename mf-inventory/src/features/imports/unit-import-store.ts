import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { isTerminalJobState, type ImportCatalogue, type Job, type Pipeline } from '@co2/contracts';
import { settle, toApiError, type ApiClient, type ApiError, type EventFollow, type LoadState } from '@co2/shell-sdk';
import { importsApi } from './imports-api.js';

export type UploadState = { status: 'idle' } | { status: 'uploading'; loaded: number; total: number | null } | { status: 'error'; error: ApiError };

/** A unit's CSV import: the catalogue (which format fills which submodule), the upload and its job, followed live. */
export const useUnitImportStore = defineStore('inventory-unit-import', () => {
  const catalogue = ref<LoadState<ImportCatalogue>>({ status: 'loading' });
  const upload = ref<UploadState>({ status: 'idle' });
  const job = ref<Job | null>(null);
  const jobError = shallowRef<ApiError | null>(null);
  const pipeline = ref<Pipeline | null>(null);

  let uploadControl: AbortController | null = null;
  let streams: EventFollow[] = [];

  async function loadCatalogue(api: ApiClient) {
    if (catalogue.value.status === 'ready') return;
    catalogue.value = { status: 'loading' };
    catalogue.value = await settle(() => importsApi.catalogue(api));
  }

  async function start(api: ApiClient, form: FormData) {
    reset();
    uploadControl = new AbortController();
    upload.value = { status: 'uploading', loaded: 0, total: null };
    try {
      const accepted = await importsApi.start(api, form, {
        signal: uploadControl.signal,
        onProgress: ({ loaded, total }) => (upload.value = { status: 'uploading', loaded, total }),
      });
      upload.value = { status: 'idle' };
      follow(api, accepted.job);
    } catch (error) {
      upload.value = { status: 'error', error: toApiError(error) };
    } finally {
      uploadControl = null;
    }
  }

  function cancelUpload() {
    uploadControl?.abort();
  }

  function follow(api: ApiClient, current: Job) {
    closeStreams();
    job.value = current;
    jobError.value = null;
    pipeline.value = null;
    if (isTerminalJobState(current.state)) {
      void watchPipeline(api);
      return;
    }
    streams.push(
      importsApi.follow(api, current.id, {
        onJob: (next) => {
          job.value = next;
          if (isTerminalJobState(next.state)) void watchPipeline(api);
        },
        onError: (error) => {
          jobError.value = toApiError(error);
        },
      }),
    );
  }

  /** After the import: the recalculation and aggregation it started, followed one after the other. */
  async function watchPipeline(api: ApiClient) {
    const id = job.value?.pipelineId;
    if (!id) return;
    const loaded = await settle(() => importsApi.pipeline(api, id));
    if (loaded.status !== 'ready') return;
    pipeline.value = loaded.data;
    const active = loaded.data.jobs.find((j) => !isTerminalJobState(j.state));
    if (!active) return;
    streams.push(
      importsApi.follow(api, active.id, {
        onJob: (next) => {
          if (pipeline.value) pipeline.value = { ...pipeline.value, jobs: pipeline.value.jobs.map((j) => (j.id === next.id ? next : j)) };
          if (isTerminalJobState(next.state)) void watchPipeline(api);
        },
        onError: () => void 0,
      }),
    );
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

  function closeStreams() {
    for (const stream of streams) stream.close();
    streams = [];
  }

  /** Forgets the last import (a new dialog starts clean) and closes its streams. */
  function reset() {
    closeStreams();
    cancelUpload();
    upload.value = { status: 'idle' };
    job.value = null;
    jobError.value = null;
    pipeline.value = null;
  }

  return { catalogue, upload, job, jobError, pipeline, loadCatalogue, start, cancelUpload, abort, retry, reset };
});
