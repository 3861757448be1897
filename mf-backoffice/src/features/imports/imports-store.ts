import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ImportCatalogue, JobPage, JobState } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';
import { createJobTracker } from '@co2/shell-sdk/jobs';
import { importsApi } from './imports-api.js';

export const HISTORY_PAGE_SIZE = 20;

/** The data-imports page: catalogue, the upload, the job followed live with its pipeline, and the history. */
export const useImportsStore = defineStore('backoffice-imports', () => {
  const catalogue = ref<LoadState<ImportCatalogue>>({ status: 'loading' });
  const history = ref<LoadState<JobPage>>({ status: 'loading' });
  const historyFilter = ref<JobState | null>(null);
  const historyPage = ref(1);
  // A new upload and a job that ends both show up in the history.
  const tracker = createJobTracker({ onUploaded: (api) => void loadHistory(api), onJobEnded: (api) => void loadHistory(api) });

  async function loadCatalogue(api: ApiClient) {
    catalogue.value = { status: 'loading' };
    catalogue.value = await settle(() => importsApi.catalogue(api));
  }

  async function loadHistory(api: ApiClient) {
    const query = { state: historyFilter.value, page: historyPage.value, pageSize: HISTORY_PAGE_SIZE };
    if (history.value.status !== 'ready') history.value = { status: 'loading' };
    history.value = await settle(() => importsApi.jobs(api, query));
  }

  const { upload, job, jobError, pipeline, start, cancelUpload, follow, open, abort, retry, abortPipeline, close: stop } = tracker;
  return { catalogue, upload, job, jobError, pipeline, history, historyFilter, historyPage, loadCatalogue, start, cancelUpload, follow, open, abort, retry, abortPipeline, loadHistory, stop };
});
