import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Me, UnitList } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';

export interface Overview {
  me: Me;
  units: UnitList['units'];
}

/** Who is filling in the inventory and the units they can see. */
export const useOverviewStore = defineStore('inventory-overview', () => {
  const overview = ref<LoadState<Overview>>({ status: 'loading' });

  async function load(api: ApiClient): Promise<void> {
    overview.value = { status: 'loading' };
    overview.value = await settle(async () => {
      const [me, list] = await Promise.all([api.get('/v1/me', Me), api.get('/v1/units', UnitList)]);
      return { me, units: list.units };
    });
  }

  return { overview, load };
});
