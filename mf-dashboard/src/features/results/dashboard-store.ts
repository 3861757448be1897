import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Benchmark, Evolution, Results, Trajectory, Unit } from '@co2/contracts';
import { settle, type ApiClient, type LoadState } from '@co2/shell-sdk';
import { resultsApi } from './results-api.js';

/** One unit and year as the dashboard shows it: validated and provisional results, and the validated evolution. */
export interface DashboardData {
  unit: Unit;
  validated: Results;
  provisional: Results;
  evolution: Evolution;
  trajectory: Trajectory;
  benchmark: Benchmark;
}

/** The dashboard's data, cached per unit and year (the address selects; the store keeps what it selected). */
export const useDashboardStore = defineStore('dashboard', () => {
  const state = ref<LoadState<DashboardData>>({ status: 'loading' });
  let loadedFor = '';

  async function load(api: ApiClient, unit: string, year: number, options: { force?: boolean } = {}): Promise<void> {
    const key = `${unit}/${year}`;
    if (!options.force && key === loadedFor && state.value.status === 'ready') return;
    loadedFor = key;
    state.value = { status: 'loading' };
    const next = await settle(async () => {
      const [unitDetail, validated, provisional, evolution, trajectory, benchmark] = await Promise.all([
        resultsApi.unit(api, unit),
        resultsApi.results(api, unit, year, false),
        resultsApi.results(api, unit, year, true),
        resultsApi.evolution(api, unit),
        resultsApi.trajectory(api, unit, year),
        resultsApi.benchmark(api, unit, year),
      ]);
      return { unit: unitDetail, validated, provisional, evolution, trajectory, benchmark };
    });
    if (loadedFor === key) state.value = next; // a newer unit or year wins over a slow answer
  }

  /** Results of another year of the same unit (the comparison), not cached. */
  const other = (api: ApiClient, unit: string, year: number, provisional: boolean) => settle(() => resultsApi.results(api, unit, year, provisional));

  return { state, load, other };
});
