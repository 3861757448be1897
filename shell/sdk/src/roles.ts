import type { RoleGrant, RoleName } from '@co2/contracts';

const ROLE_NAMES: readonly RoleName[] = ['user.standard', 'user.principal', 'backoffice.metier', 'backoffice.admin'];
const BACKOFFICE_ROLES: readonly RoleName[] = ['backoffice.metier', 'backoffice.admin'];

/** Parses one entry of the `roles` claim (`user.principal@unit:LAB-CARBON`); `null` when it is not a known role. */
export function parseRoleClaim(claim: string): RoleGrant | null {
  const match = /^([a-z.]+)@(global|unit:(.+)|affiliation:(.+))$/.exec(claim.trim());
  if (!match) return null;
  const role = ROLE_NAMES.find((name) => name === match[1]);
  if (!role) return null;
  if (match[2] === 'global') return { role, scope: { kind: 'global' } };
  if (match[3] !== undefined) return { role, scope: { kind: 'unit', unitCode: match[3] } };
  return { role, scope: { kind: 'affiliation', unitCode: match[4] ?? '' } };
}

export function parseRoleClaims(claims: readonly string[]): RoleGrant[] {
  return claims.map(parseRoleClaim).filter((grant): grant is RoleGrant => grant !== null);
}

/** Whether the user may open the backoffice (`backoffice.metier@…` or `backoffice.admin@…`, any scope). */
export function hasBackofficeRole(claims: readonly string[]): boolean {
  return parseRoleClaims(claims).some((grant) => BACKOFFICE_ROLES.includes(grant.role));
}

/** Unit codes of unit-scoped grants (the labs the user works in), in claim order, without duplicates. */
export function unitCodesOf(claims: readonly string[]): string[] {
  const codes = parseRoleClaims(claims).flatMap((grant) => (grant.scope.kind === 'unit' ? [grant.scope.unitCode] : []));
  return [...new Set(codes)];
}
