import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ImportCatalogue } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';
import { createJobTracker } from '@co2/shell-sdk/jobs';
import { importsApi } from './imports-api.js';

/** A unit's CSV import: the catalogue (which format fills which submodule), the upload and its job, followed live. */
export const useUnitImportStore = defineStore('inventory-unit-import', () => {
  const catalogue = ref<LoadState<ImportCatalogue>>({ status: 'loading' });
  const tracker = createJobTracker();

  async function loadCatalogue(api: ApiClient) {
    if (catalogue.value.status === 'ready') return;
    catalogue.value = { status: 'loading' };
    catalogue.value = await settle(() => importsApi.catalogue(api));
  }

  /** A new import starts from a clean state (the previous one's streams closed). */
  async function start(api: ApiClient, form: FormData) {
    tracker.reset();
    await tracker.start(api, form);
  }

  const { upload, job, jobError, pipeline, cancelUpload, abort, retry, reset } = tracker;
  return { catalogue, upload, job, jobError, pipeline, loadCatalogue, start, cancelUpload, abort, retry, reset };
});
