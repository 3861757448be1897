import type { ModuleKey, RoleGrant } from '@co2/contracts';
import type { Unit } from '../units/unit.js';
import { visibleUnitScope } from '../units/visibility.js';

/** What a caller may do with one module of one unit: everything, only their own entries, or nothing. */
export type ModuleAccess = 'unit' | 'own' | 'none';

/** Modules a standard user works in, and how: their own trips, the unit's cloud and AI. */
const STANDARD_ACCESS: Partial<Record<ModuleKey, ModuleAccess>> = { 'professional-travel': 'own', 'external-cloud-ai': 'unit' };

const onUnit = (grant: RoleGrant, unitCode: string) => grant.scope.kind === 'unit' && grant.scope.unitCode === unitCode;

/**
 * Module data access comes only from unit-scoped user roles: principals → every module of their unit;
 * standard users → own travel and the unit's cloud/AI. Back-office roles see module data only through reporting.
 */
export function moduleAccess(grants: readonly RoleGrant[], unitCode: string, module: ModuleKey): ModuleAccess {
  if (grants.some((g) => g.role === 'user.principal' && onUnit(g, unitCode))) return 'unit';
  if (grants.some((g) => g.role === 'user.standard' && onUnit(g, unitCode))) return STANDARD_ACCESS[module] ?? 'none';
  return 'none';
}

/** Principals of a unit manage all of it: every module, validation, results. */
export function isPrincipalOf(grants: readonly RoleGrant[], unitCode: string): boolean {
  return grants.some((g) => g.role === 'user.principal' && onUnit(g, unitCode));
}

/** Whether the unit is visible at all to the caller (otherwise: 404, nothing leaks). */
export function canSeeUnit(grants: readonly RoleGrant[], unit: Pick<Unit, 'code' | 'path'>): boolean {
  const scope = visibleUnitScope(grants);
  return scope.kind === 'all' || scope.codes.includes(unit.code) || scope.subtreeRoots.some((root) => unit.path.includes(root));
}

/** Back-office roles read a unit's results (aggregates, never entries) within their grant's scope. */
const RESULTS_READERS = new Set(['backoffice.metier', 'backoffice.admin']);
const covers = (grant: RoleGrant, unit: Pick<Unit, 'code' | 'path'>) =>
  grant.scope.kind === 'global' || (grant.scope.kind === 'unit' ? grant.scope.unitCode === unit.code : unit.path.includes(grant.scope.unitCode));

/** Results of a unit: its principals, and reporting staff and administrators whose scope covers it (read-only). */
export function mayReadResults(grants: readonly RoleGrant[], unit: Pick<Unit, 'code' | 'path'>): boolean {
  return isPrincipalOf(grants, unit.code) || grants.some((g) => RESULTS_READERS.has(g.role) && covers(g, unit));
}
