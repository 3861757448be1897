import type { CombustionData, EmbodiedEnergyData } from '@co2/contracts';
import { findEmissionType, type EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { slug } from '../text.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';

/** The fuel's leaf (natural_gas, heating_oil, …); other fuels (propane…) go to the combustion node. */
export function combustionLeaf(name: string): EmissionTypeKey {
  const key = `buildings__combustion__${slug(name)}`;
  return findEmissionType(key)?.key ?? 'buildings__combustion';
}

/** `kg = quantity × ef_kg_co2eq_per_unit`, in the factor's unit. */
export function computeCombustion(input: CombustionData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_unit');
  if (!factor || ef === undefined) return fail('missing_factor', 'the combustion factor has no ef_kg_co2eq_per_unit');
  const unit = String(factor.classification.unit ?? input.unit ?? '');
  return ok([
    {
      emissionType: combustionLeaf(input.name),
      kgCo2eq: input.quantity * ef,
      factor,
      quantity: input.quantity,
      quantityUnit: unit || null,
      formula: 'quantity × ef_kg_co2eq_per_unit',
      inputs: { quantity: input.quantity, ef_kg_co2eq_per_unit: ef },
    },
  ]);
}

/** One row per construction category (new-tech, new-env, ren-tech, ren-env, demolition): `surface × ef_kgco2eq_per_m2`. */
export function computeEmbodied(input: EmbodiedEnergyData, _p: unknown, factors: Factor[]): Outcome<EmissionDraft[]> {
  const drafts: EmissionDraft[] = [];
  for (const factor of factors) {
    const ef = numberValue(factor, 'ef_kgco2eq_per_m2');
    if (ef === undefined) continue;
    drafts.push({
      emissionType: 'buildings__construction_and_renovation',
      kgCo2eq: input.room_surface_square_meter * ef,
      factor,
      quantity: input.room_surface_square_meter,
      quantityUnit: 'm2',
      formula: 'surface_m2 × ef_kgco2eq_per_m2',
      inputs: { surface_m2: input.room_surface_square_meter, ef_kgco2eq_per_m2: ef, category: String(factor.classification.category ?? '') },
    });
  }
  if (drafts.length === 0) return fail('missing_factor', 'the embodied-energy factors have no ef_kgco2eq_per_m2');
  return ok(drafts);
}
