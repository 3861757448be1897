import type { RoleGrant } from '@co2/contracts';
import type { UnitScope } from './unit.js';

const unique = (values: string[]) => [...new Set(values)];

/**
 * Units a caller may see: a global grant → all; a unit grant → that unit; an affiliation grant → the unit
 * and everything below it.
 */
export function visibleUnitScope(grants: readonly RoleGrant[]): UnitScope {
  if (grants.some((g) => g.scope.kind === 'global')) return { kind: 'all' };
  const codes: string[] = [];
  const subtreeRoots: string[] = [];
  for (const { scope } of grants) {
    if (scope.kind === 'unit') codes.push(scope.unitCode);
    if (scope.kind === 'affiliation') subtreeRoots.push(scope.unitCode);
  }
  return { kind: 'some', codes: unique(codes), subtreeRoots: unique(subtreeRoots) };
}

/** Units a person works in through unit-scoped grants (their labs are the level-4 units of this scope). */
export function memberUnitScope(grants: readonly RoleGrant[]): UnitScope {
  const roots = grants.flatMap((g) => (g.scope.kind === 'unit' ? [g.scope.unitCode] : []));
  return { kind: 'some', codes: [], subtreeRoots: unique(roots) };
}
