import type { ApiClient } from '@co2/shell-sdk';
import type { Contracts } from '../contracts.js';
import type { ShellState } from '../shell-state.js';

/** Reads the units (every level, for the picker's tree) and years the API lets the user see into the shell state. */
export async function loadContextSources(api: ApiClient, state: Pick<ShellState, 'units' | 'years'>, contracts: () => Promise<Contracts>): Promise<void> {
  const { UnitList, YearList } = await contracts();
  const [units, years] = await Promise.all([
    api.get('/v1/units', UnitList).then((r) => r.units, () => null),
    api.get('/v1/years', YearList).then((r) => r.years, () => null),
  ]);
  state.units = units;
  state.years = years;
}
