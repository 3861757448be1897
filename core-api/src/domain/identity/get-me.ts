import type { Me } from '@co2/contracts';
import type { UnitRepository } from '../../repositories/index.js';
import { memberUnitScope } from '../units/visibility.js';
import type { Principal } from './principal.js';

/** `Me`: the caller, their grants and the labs (level-4 units) they work in through unit-scoped grants. */
export function createGetMe(deps: { units: Pick<UnitRepository, 'list'> }) {
  return async ({ user, grants }: Principal): Promise<Me> => {
    const labs = await deps.units.list(memberUnitScope(grants), { level: 4 });
    return {
      id: user.id,
      subject: user.subject,
      email: user.email,
      displayName: user.displayName,
      institutionalId: user.institutionalId,
      roles: grants,
      units: labs.map(({ code, name, level, parentCode }) => ({ code, name, level, parentCode })),
    };
  };
}
