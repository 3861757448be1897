import type { UnitRepository } from '../../repositories/index.js';
import type { Principal } from '../identity/principal.js';
import type { Unit } from './unit.js';
import { visibleUnitScope } from './visibility.js';

/** The active units the caller may see, optionally of one level, ordered by path. */
export function createListVisibleUnits(deps: { units: Pick<UnitRepository, 'list'> }) {
  return async (principal: Principal, filter: { level?: number }): Promise<Unit[]> =>
    deps.units.list(visibleUnitScope(principal.grants), filter);
}
