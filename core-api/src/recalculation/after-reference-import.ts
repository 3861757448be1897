// Which recalculations a reference import chains. A submodule is recomputed when its computation reads a table
// the import changed (`domain/modules/reference-needs.ts`: airports, stations, rooms; `domain/modules/money.ts`:
// FX rates and price indices), in every year open to users and in the import's own year (FX rates, price
// indices). Years closed to users keep their figures: they change only by an explicit factor import or
// recalculation of the year.
import type { SubmoduleKey } from '@co2/contracts';
import type { ReferenceTable } from '../imports/reference/types.js';

/** Spend-based formulas convert the amount into the factor's currency and price year (`spendInFactorTerms`). */
const SPEND_SUBMODULES: readonly SubmoduleKey[] = [
  'purchases/scientific-equipment',
  'purchases/it-equipment',
  'purchases/consumables',
  'purchases/bio-chemicals',
  'purchases/services',
  'purchases/vehicles',
  'purchases/other',
  'external-cloud-ai/cloud',
];

/**
 * The submodules whose entries read each reference table. A recomputed room also re-derives its embodied-energy
 * entry (`engine-batches.ts`).
 */
export const REFERENCE_READERS: Record<ReferenceTable, readonly SubmoduleKey[]> = {
  airports: ['professional-travel/plane'],
  train_stations: ['professional-travel/train'],
  building_rooms: ['buildings/rooms'],
  units: [],
  fx_rates: SPEND_SUBMODULES,
  price_indices: SPEND_SUBMODULES,
};

export interface RecalculationTarget {
  submodule: SubmoduleKey;
  year: number;
}

/** The (submodule, year) pairs to recompute after an apply that changed `changedTables`. */
export function recalculationsAfterReferenceImport(o: { changedTables: readonly ReferenceTable[]; openYears: readonly number[]; year?: number }): RecalculationTarget[] {
  const submodules = [...new Set(o.changedTables.flatMap((t) => REFERENCE_READERS[t]))].sort();
  const years = [...new Set([...o.openYears, ...(o.year === undefined ? [] : [o.year])])].sort((a, b) => a - b);
  return submodules.flatMap((submodule) => years.map((year) => ({ submodule, year })));
}
