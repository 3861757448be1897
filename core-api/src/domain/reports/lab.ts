import { errors } from '../../errors/index.js';
import { canSeeUnit, isPrincipalOf, mayReadResults } from '../entries/access.js';
import type { Principal } from '../identity/principal.js';
import type { Unit } from '../units/unit.js';

export interface LabDeps {
  units: { findByCode(code: string): Promise<Unit | undefined> };
}

/** The lab a report request addresses: unknown, inactive, not a lab or not visible to the caller → 404. */
export function createResolveLab(deps: LabDeps) {
  return async (principal: Principal, code: string): Promise<Unit> => {
    const unit = await deps.units.findByCode(code);
    if (!unit || !unit.active || unit.level !== 4 || !canSeeUnit(principal.grants, unit)) throw errors.notFound(`unit ${code}`);
    return unit;
  };
}
export type ResolveLab = ReturnType<typeof createResolveLab>;

/** Validation and results are the principals' (a visible unit managed by somebody else → 403). */
export function assertPrincipal(principal: Principal, unit: Unit, what: string): void {
  if (!isPrincipalOf(principal.grants, unit.code)) throw errors.forbidden(`${what} of ${unit.code} (principals of the unit only)`);
}

/** Results are the principals' and, read-only within their scope, reporting staff's and administrators' (others → 403). */
export function assertResultsReader(principal: Principal, unit: Unit): void {
  if (!mayReadResults(principal.grants, unit)) throw errors.forbidden(`the results of ${unit.code} (principals of the unit and reporting staff in scope only)`);
}
