import { ProcessGasData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { firstMatch, numberValue } from '../factor-match.js';
import { defineSubmodule, fail, noPreparation, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';

const LEAF: Record<string, EmissionTypeKey> = {
  ch4: 'process_emissions__ch4',
  co2: 'process_emissions__co2',
  n2o: 'process_emissions__n2o',
  refrigerant: 'process_emissions__refrigerants',
  refrigerants: 'process_emissions__refrigerants',
  /** Other gases of the GWP table (NF3, SF6…) have no leaf of their own: the process-emissions node (scope 1). */
  other: 'process_emissions',
};

export const processLeaf = (category: string): EmissionTypeKey | undefined => LEAF[category.trim().toLowerCase()];

/** Category + gas, falling back to the category's factor without gas (CO2, CH4, N2O). */
export function lookupProcess(input: ProcessGasData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  if (!processLeaf(input.category)) return fail('unknown_emission_type', `unknown process category ${input.category}`);
  const patterns = [{ category: input.category, subcategory: input.subcategory ?? null }];
  if (input.subcategory) patterns.push({ category: input.category, subcategory: null });
  const found = firstMatch(factors, patterns);
  if (found.length === 0) return fail('missing_factor', `no GWP factor for ${input.category} ${input.subcategory ?? ''}`.trim());
  return ok(found.slice(0, 1));
}

/** `kg = quantity (kg of gas) × GWP (ef_kg_co2eq_per_unit)`. */
export function computeProcess(input: ProcessGasData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const gwp = factor && numberValue(factor, 'ef_kg_co2eq_per_unit');
  const leaf = processLeaf(input.category);
  if (!leaf) return fail('unknown_emission_type', `unknown process category ${input.category}`);
  if (!factor || gwp === undefined) return fail('missing_factor', 'the process factor has no ef_kg_co2eq_per_unit');
  return ok([
    {
      emissionType: leaf,
      kgCo2eq: input.quantity * gwp,
      factor,
      quantity: input.quantity,
      quantityUnit: 'kg',
      formula: 'quantity_kg × gwp',
      inputs: { quantity_kg: input.quantity, gwp },
    },
  ]);
}

export const gases = defineSubmodule({
  module: 'process-emissions',
  key: 'process-emissions/gases',
  labels: { en: 'Process emissions', fr: 'Émissions de procédés', de: 'Prozessemissionen' },
  schema: ProcessGasData,
  emissionTypes: [...new Set(Object.values(LEAF))],
  lookupKeys: ['category', 'subcategory', 'unit'],
  prepare: noPreparation,
  lookup: lookupProcess,
  compute: computeProcess,
  overrideEmissionType: (input) => processLeaf(input.category) ?? 'process_emissions',
});
