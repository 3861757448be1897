import type { FacilityUseData } from '@co2/contracts';
import { matchFactors, sameValue, textValue } from '../factor-match.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';

/** The facility's factor; the entry's use must be in the facility's unit of use (hours, housings…). */
export function lookupFacility(input: FacilityUseData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const [factor] = matchFactors(factors, { researchfacility_id: input.researchfacility_id });
  if (!factor) return fail('missing_factor', `no factor for facility ${input.researchfacility_id}`);
  const unit = textValue(factor, 'use_unit');
  if (!sameValue(unit ?? null, input.use_unit)) return fail('unit_mismatch', `facility ${input.researchfacility_id} counts use in ${unit ?? '(no unit)'}, not ${input.use_unit}`);
  return ok([factor]);
}
