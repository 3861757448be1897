import type { AnimalFacilityUseData, FacilityUseData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome, type Scalar } from '../types.js';

/** SCITAS and RCP are computing facilities: they count in the IT focus. */
export const facilityLeaf = (name: string): EmissionTypeKey =>
  ['scitas', 'rcp'].includes(name.trim().toLowerCase()) ? 'research_facilities__it_facilities' : 'research_facilities__facilities';

export const animalLeaf = (type: string | undefined): EmissionTypeKey => {
  const t = type?.trim().toLowerCase();
  return t === 'mice' ? 'research_facilities__animal__mice' : t === 'fish' ? 'research_facilities__animal__fish' : 'research_facilities__animal';
};

/** `kg = use / total_use × kg_co2eq_sum` (0 when the facility's total use is 0). */
export function computeFacility(input: FacilityUseData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const total = factor && numberValue(factor, 'total_use');
  const sum = factor && numberValue(factor, 'kg_co2eq_sum');
  if (!factor || total === undefined || sum === undefined) return fail('missing_factor', 'the facility factor has no total_use or kg_co2eq_sum');
  const share = total === 0 ? 0 : input.use / total;
  return ok([
    {
      emissionType: facilityLeaf(input.researchfacility_name),
      kgCo2eq: share * sum,
      factor,
      quantity: input.use,
      quantityUnit: input.use_unit,
      formula: 'use / total_use × kg_co2eq_sum',
      inputs: { use: input.use, total_use: total, kg_co2eq_sum: sum },
    },
  ]);
}

/** Emission sources of an animal facility, each with a share and a kg CO2-eq sum in the factor. */
export const ANIMAL_SOURCES = ['processemissions', 'building_energycombustions', 'building_rooms', 'purchases_common', 'purchases_additional', 'equipments'] as const;

/** `kg = Σ_source use × share_source / total_use × kg_co2eq_sum_source`; sources without share or sum are skipped. */
export function computeAnimalFacility(input: AnimalFacilityUseData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const total = factor && numberValue(factor, 'total_use');
  if (!factor || total === undefined) return fail('missing_factor', 'the animal-facility factor has no total_use');
  const inputs: Record<string, Scalar> = { use: input.use, total_use: total };
  let kg = 0;
  for (const source of ANIMAL_SOURCES) {
    const share = numberValue(factor, `${source}_share`);
    const sum = numberValue(factor, `kg_co2eq_sum_${source}`);
    if (share === undefined || sum === undefined) continue;
    inputs[`${source}_share`] = share;
    inputs[`kg_co2eq_sum_${source}`] = sum;
    if (total !== 0) kg += ((input.use * share) / total) * sum;
  }
  return ok([
    {
      emissionType: animalLeaf(input.researchfacility_type),
      kgCo2eq: kg,
      factor,
      quantity: input.use,
      quantityUnit: input.use_unit,
      formula: 'Σ_source use × share_source / total_use × kg_co2eq_sum_source',
      inputs,
    },
  ]);
}
