import { defineStore } from 'pinia';
import { ref } from 'vue';
import { Me, Report, UnitList } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';

export interface Overview {
  me: Me;
  units: UnitList['units'];
}

/** Who is filling in the inventory, the units they can see, and the selected unit's report of the year. */
export const useOverviewStore = defineStore('inventory-overview', () => {
  const overview = ref<LoadState<Overview>>({ status: 'loading' });
  const report = ref<LoadState<Report> | null>(null);

  async function load(api: ApiClient): Promise<void> {
    overview.value = { status: 'loading' };
    overview.value = await settle(async () => {
      const [me, list] = await Promise.all([api.get('/v1/me', Me), api.get('/v1/units', UnitList)]);
      return { me, units: list.units };
    });
  }

  /** The report (module statuses and totals); `null` while no unit or year is chosen. */
  async function loadReport(api: ApiClient, unit: string | null, year: number | null): Promise<void> {
    if (!unit || !year) {
      report.value = null;
      return;
    }
    report.value = { status: 'loading' };
    report.value = await settle(() => api.get(`/v1/units/${encodeURIComponent(unit)}/years/${year}`, Report));
  }

  return { overview, report, load, loadReport };
});
