import { defineStore } from 'pinia';
import { ref } from 'vue';
import { UnitList, type Unit } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';

/** The units the caller's backoffice role can see (core-api decides). */
export const useUnitsStore = defineStore('backoffice-units', () => {
  const units = ref<LoadState<Unit[]>>({ status: 'loading' });

  async function load(api: ApiClient): Promise<void> {
    units.value = { status: 'loading' };
    units.value = await settle(async () => (await api.get('/v1/units', UnitList)).units);
  }

  return { units, load };
});
