import { emissionType } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { keyBasedKg } from '../formula.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';

/** Quantity unit by root: km of commuting, kg of food or waste. */
const unitOf = (category: string | null) => (category === 'commuting' ? 'km' : 'kg');

/** Per factor: `kg = fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit`; quantity = `fte × number_of_unit_per_fte`. */
export function computeFte(input: { fte: number }, _prepared: unknown, factors: Factor[]): Outcome<EmissionDraft[]> {
  const drafts: EmissionDraft[] = [];
  for (const factor of factors) {
    const perFte = numberValue(factor, 'number_of_unit_per_fte');
    const ef = numberValue(factor, 'ef_kg_co2eq_per_unit');
    if (perFte === undefined || ef === undefined || !factor.emissionType) continue;
    const quantity = input.fte * perFte;
    drafts.push({
      emissionType: factor.emissionType,
      kgCo2eq: keyBasedKg(quantity, factor.values, 'ef_kg_co2eq_per_unit') ?? 0,
      factor,
      quantity,
      quantityUnit: unitOf(emissionType(factor.emissionType).category),
      formula: 'fte × number_of_unit_per_fte × ef_kg_co2eq_per_unit',
      inputs: { fte: input.fte, number_of_unit_per_fte: perFte, ef_kg_co2eq_per_unit: ef },
    });
  }
  if (drafts.length === 0) return fail('missing_factor', 'the FTE factors lack number_of_unit_per_fte or ef_kg_co2eq_per_unit');
  return ok(drafts);
}
