import { findEmissionType, isWithin } from '../emission-types/index.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';

/** Additional categories computed from FTE. */
export const FTE_ROOTS = ['food', 'waste', 'commuting'] as const;

/**
 * Every factor of the submodule and year under food, waste or commuting (reference strategy B3). The leaf is
 * the factor's own emission type (`headcount_category__class__subclass`).
 */
export function lookupFteFactors(_input: unknown, _prepared: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = factors.filter((f) => {
    const type = f.emissionType && findEmissionType(f.emissionType);
    return type && type.scope !== null && FTE_ROOTS.some((root) => isWithin(type.key, root));
  });
  if (found.length === 0) return fail('missing_factor', 'no food, waste or commuting factor for this year');
  return ok(found);
}
