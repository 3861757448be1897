import type { ModuleKey } from '@co2/contracts';

/** Value columns of an example factor row per module (template download only; any value column is accepted). */
export const FACTOR_EXAMPLES: Record<ModuleKey, Record<string, string>> = {
  headcount: { emission_type: 'food__vegetarian', number_of_unit_per_fte: '120', ef_kg_co2eq_per_unit: '2.1' },
  'professional-travel': { min_distance: '0', max_distance: '2500', ef_kg_co2eq_per_km: '0.2906', rfi_adjustment: '1.35' },
  buildings: { ef_kg_co2eq_per_unit: '0.228' },
  equipment: { active_power_w: '40', standby_power_w: '10' },
  purchases: { ef_kg_co2eq_per_currency: '0.5', purchase_institutional_description: 'Computer equipment' },
  'external-cloud-ai': { ef_kg_co2eq_per_currency: '0.259' },
  'process-emissions': { ef_kg_co2eq_per_kg: '1430' },
  'research-facilities': { total_use: '5000', kg_co2eq_sum: '120000' },
};
