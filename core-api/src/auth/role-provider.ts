import type { RoleGrant } from '@co2/contracts';
import type { Logger } from 'pino';
import type { AccessTokenClaims } from './token-verifier.js';
import { parseRolesClaim } from './roles-claim.js';

/**
 * Where a user's role grants come from. The default reads the token's `roles` claim; an institution can plug
 * in another source (directory lookup, database) without touching routes or use cases.
 */
export interface RoleProvider {
  rolesFor(claims: AccessTokenClaims): RoleGrant[] | Promise<RoleGrant[]>;
}

/** Default provider: the `roles` claim, unknown strings ignored and logged at `warn`. */
export function createClaimsRoleProvider(logger: Pick<Logger, 'warn'>): RoleProvider {
  return {
    rolesFor(claims) {
      return parseRolesClaim(claims.roles, ({ value, reason }) =>
        logger.warn({ sub: claims.sub, role: value, reason }, 'ignoring unknown role in the roles claim'),
      );
    },
  };
}
