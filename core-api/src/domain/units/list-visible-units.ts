import type { UnitRepository } from '../../repositories/index.js';
import type { Principal } from '../identity/principal.js';
import { errors } from '../../errors/index.js';
import { canSeeUnit } from '../entries/access.js';
import type { Unit } from './unit.js';
import { visibleUnitScope } from './visibility.js';

/** The active units the caller may see, optionally of one level, ordered by path. */
export function createListVisibleUnits(deps: { units: Pick<UnitRepository, 'list'> }) {
  return async (principal: Principal, filter: { level?: number }): Promise<Unit[]> =>
    deps.units.list(visibleUnitScope(principal.grants), filter);
}

/** One unit, if active and visible to the caller (404 otherwise: nothing leaks). */
export function createGetVisibleUnit(deps: { units: Pick<UnitRepository, 'findByCode'> }) {
  return async (principal: Principal, code: string): Promise<Unit> => {
    const unit = await deps.units.findByCode(code);
    if (!unit || !unit.active || !canSeeUnit(principal.grants, unit)) throw errors.notFound(`unit ${code}`);
    return unit;
  };
}

/** A visible unit and the visible units below it (e.g. the labs of a faculty for an affiliation grant). */
export function createListVisibleSubtree(deps: { units: Pick<UnitRepository, 'list' | 'findByCode'> }) {
  const getVisibleUnit = createGetVisibleUnit(deps);
  return async (principal: Principal, code: string, filter: { level?: number }): Promise<Unit[]> => {
    const root = await getVisibleUnit(principal, code);
    return deps.units.list(visibleUnitScope(principal.grants), { ...filter, under: root.code });
  };
}
