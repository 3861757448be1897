import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ModuleKey, YearConfiguration, YearConfigurationBody } from '@co2/contracts';
import { isApiError, toApiError, type ApiClient, type ApiError } from '@co2/shell-sdk';
import { draftIssues, draftOf, draftPath } from './year-draft.js';
import { yearsApi } from './years-api.js';

/** The year being configured: what is stored, the draft the form edits, its issues, and the save. */
export const useYearStore = defineStore('backoffice-year', () => {
  const stored = shallowRef<YearConfiguration | null>(null);
  const draft = ref<YearConfigurationBody | null>(null);
  const loadError = shallowRef<ApiError | null>(null);
  const saveError = shallowRef<ApiError | null>(null);
  const serverIssues = ref<Record<string, string>>({});
  const saving = ref(false);
  const saved = ref(false);
  /** The contract's issues as the user edits, then the server's (a field keeps the first). */
  const issues = computed(() => ({ ...serverIssues.value, ...(draft.value ? draftIssues(draft.value) : {}) }));

  async function load(api: ApiClient, year: number) {
    loadError.value = null;
    saved.value = false;
    serverIssues.value = {};
    try {
      stored.value = await yearsApi.get(api, year);
      draft.value = draftOf(stored.value);
    } catch (caught) {
      stored.value = null;
      draft.value = null;
      loadError.value = toApiError(caught);
    }
  }

  async function save(api: ApiClient, year: number): Promise<boolean> {
    if (!draft.value || Object.keys(draftIssues(draft.value)).length) return false;
    saving.value = true;
    saveError.value = null;
    serverIssues.value = {};
    try {
      stored.value = await yearsApi.put(api, year, draft.value);
      draft.value = draftOf(stored.value);
      saved.value = true;
      return true;
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'validation_failed') serverIssues.value = Object.fromEntries(caught.details.map((d) => [draftPath(d.path), d.message]));
      else saveError.value = toApiError(caught);
      return false;
    } finally {
      saving.value = false;
    }
  }

  function addGoal(year: number) {
    draft.value?.reductionGoals.push({ label: '', referenceYear: year - 1, targetYear: year + 5, reductionPercent: 50 });
  }
  function removeGoal(index: number) {
    draft.value?.reductionGoals.splice(index, 1);
  }
  const moduleOf = (module: ModuleKey) => draft.value?.modules[module];

  return { stored, draft, loadError, saveError, issues, saving, saved, load, save, addGoal, removeGoal, moduleOf };
});
