import { RoleName, type RoleGrant } from '@co2/contracts';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export type RoleParse = { ok: true; grant: RoleGrant } | { ok: false; reason: string };

/** Parses one `roles` claim value: `<role>@global`, `<role>@unit:<code>` or `<role>@affiliation:<code>`. */
export function parseRoleString(value: string): RoleParse {
  const at = value.indexOf('@');
  if (at < 0) return { ok: false, reason: 'missing "@<scope>"' };
  const role = RoleName.safeParse(value.slice(0, at));
  if (!role.success) return { ok: false, reason: `unknown role "${value.slice(0, at)}"` };
  const scope = value.slice(at + 1);
  if (scope === 'global') return { ok: true, grant: { role: role.data, scope: { kind: 'global' } } };
  const colon = scope.indexOf(':');
  const kind = colon < 0 ? scope : scope.slice(0, colon);
  const unitCode = colon < 0 ? '' : scope.slice(colon + 1);
  if (kind !== 'unit' && kind !== 'affiliation') return { ok: false, reason: `unknown scope "${kind}"` };
  if (!UNIT_CODE.test(unitCode)) return { ok: false, reason: `invalid unit code "${unitCode}"` };
  return { ok: true, grant: { role: role.data, scope: { kind, unitCode } } };
}

export interface IgnoredRole {
  value: unknown;
  reason: string;
}

/**
 * Parses a whole `roles` claim (normally an array of strings). Values that cannot be understood are ignored
 * and reported through `onIgnored`; duplicates are dropped.
 */
export function parseRolesClaim(claim: unknown, onIgnored: (ignored: IgnoredRole) => void = () => {}): RoleGrant[] {
  if (claim === undefined || claim === null) return [];
  const values = Array.isArray(claim) ? claim : [claim];
  const grants = new Map<string, RoleGrant>();
  for (const value of values) {
    if (typeof value !== 'string') {
      onIgnored({ value, reason: 'not a string' });
      continue;
    }
    const parsed = parseRoleString(value.trim());
    if (parsed.ok) grants.set(JSON.stringify(parsed.grant), parsed.grant);
    else onIgnored({ value, reason: parsed.reason });
  }
  return [...grants.values()];
}
