import type { RoleGrant } from '@co2/contracts';
import type { User } from './user.js';

/** The authenticated caller of a request: who they are and what their grants say. */
export interface Principal {
  user: User;
  grants: RoleGrant[];
}

export function isGlobalAdmin(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'backoffice.admin' && g.scope.kind === 'global');
}
