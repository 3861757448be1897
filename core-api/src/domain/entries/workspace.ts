import type { ModuleKey, SubmoduleKey } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import type { Principal } from '../identity/principal.js';
import { findSubmodule } from '../modules/registry.js';
import type { SubmoduleDefinition } from '../modules/types.js';
import type { Unit } from '../units/unit.js';
import { canSeeUnit, moduleAccess, type ModuleAccess } from './access.js';

export interface Workspace {
  unit: Unit;
  access: Exclude<ModuleAccess, 'none'>;
  definition: SubmoduleDefinition;
  submodule: SubmoduleKey;
}

export interface WorkspaceDeps {
  units: { findByCode(code: string): Promise<Unit | undefined> };
}

/**
 * The unit × module × submodule an entry request addresses, and the caller's access to it. A unit the caller
 * may not see, an inactive one or one without a workspace (not a lab) is 404; a visible unit whose module the
 * caller may not use is 403.
 */
export function createResolveWorkspace(deps: WorkspaceDeps) {
  return async (principal: Principal, target: { unit: string; module: ModuleKey; submodule: string }): Promise<Workspace> => {
    const unit = await deps.units.findByCode(target.unit);
    if (!unit || !unit.active || unit.level !== 4 || !canSeeUnit(principal.grants, unit)) throw errors.notFound(`unit ${target.unit}`);
    const access = moduleAccess(principal.grants, unit.code, target.module);
    if (access === 'none') throw errors.forbidden(`the ${target.module} module of ${unit.code}`);
    const definition = findSubmodule(target.module, target.submodule);
    if (!definition) throw errors.notFound(`submodule ${target.module}/${target.submodule}`);
    return { unit, access, definition, submodule: definition.key };
  };
}

export type ResolveWorkspace = ReturnType<typeof createResolveWorkspace>;
