import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Me, UnitList } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';

export interface ResultsScope {
  me: Me;
  units: UnitList['units'];
}

/** Whose results the dashboard shows: the person and the units they can see. */
export const useResultsStore = defineStore('dashboard-results', () => {
  const scope = ref<LoadState<ResultsScope>>({ status: 'loading' });

  async function load(api: ApiClient): Promise<void> {
    scope.value = { status: 'loading' };
    scope.value = await settle(async () => {
      const [me, list] = await Promise.all([api.get('/v1/me', Me), api.get('/v1/units', UnitList)]);
      return { me, units: list.units };
    });
  }

  return { scope, load };
});
