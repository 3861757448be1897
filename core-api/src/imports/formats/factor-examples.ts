import type { SubmoduleKey } from '@co2/contracts';

type Example = Record<string, string>;

const purchase: Example = { purchase_institutional_code: '43211600', purchase_additional_code: 'IA23', currency: 'eur', purchase_institutional_description: 'Computer accessories', ef_kg_co2eq_per_currency: '0.5' };
const equipment: Example = { equipment_class: 'Laptop', sub_class: '', active_power_w: '30', standby_power_w: '10' };
const headcount: Example = { emission_type: 'food__vegetarian', headcount_category: 'food', headcount_class: 'vegetarian', unit: 'meal', number_of_unit_per_fte: '120', ef_kg_co2eq_per_unit: '0.5' };

/** One example factor row per submodule (template downloads only; any value column is accepted on import). */
export const FACTOR_EXAMPLES: Record<SubmoduleKey, Example> = {
  'headcount/member': headcount,
  'headcount/student': headcount,
  'professional-travel/plane': { category: 'short_to_medium_haul', cabin_class: 'economy', min_distance: '0', max_distance: '2500', ef_kg_co2eq_per_km: '0.2906', rfi_adjustment: '1.35' },
  'professional-travel/train': { country_code: 'CH', ef_kg_co2eq_per_km: '0.0071' },
  'buildings/rooms': { building_name: 'BC', room_type: 'office', ef_kg_co2eq_per_kwh: '0.1', conversion_factor: '1' },
  'buildings/combustion': { name: 'natural_gas', unit: 'kWh', ef_kg_co2eq_per_unit: '0.228' },
  'buildings/embodied-energy': { building_name: 'default', category: 'structure', ef_kgco2eq_per_m2: '12' },
  'equipment/scientific': equipment,
  'equipment/it': equipment,
  'equipment/other': equipment,
  'purchases/scientific-equipment': purchase,
  'purchases/it-equipment': purchase,
  'purchases/consumables': purchase,
  'purchases/bio-chemicals': purchase,
  'purchases/services': purchase,
  'purchases/vehicles': purchase,
  'purchases/other': purchase,
  'purchases/centralised': { name: 'Liquid Nitrogen', ef_kg_co2eq_per_kg: '0.7' },
  'external-cloud-ai/cloud': { service_type: 'compute', provider: 'AWS', currency: 'eur', ef_kg_co2eq_per_currency: '0.259' },
  'external-cloud-ai/ai': { provider: 'Claude (Anthropic)', usage_type: 'text', ef_kg_co2eq_per_request: '0.0000075' },
  'process-emissions/gases': { category: 'Refrigerant', subcategory: 'R134a', unit: 'kg', ef_kg_co2eq_per_unit: '1430' },
  'research-facilities/facilities': { researchfacility_id: 'CIBM-GE', use_unit: 'hours', total_use: '5000', kg_co2eq_sum: '120000' },
  'research-facilities/animal-facilities': { researchfacility_id: '1321', use_unit: 'housings', total_use: '2000', kg_co2eq_sum: '80000' },
};
