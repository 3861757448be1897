import { parseRoleClaims } from '@co2/shell-sdk';
import type { BffUser, RoleName } from '@co2/contracts';

/** Which part of the working context an area's pages depend on (and carry in their address). */
export type ContextParam = 'unit' | 'year';

/** One area of the portal: a route prefix owned by the shell and the remote (Module Federation name) mounted there. */
export interface LayoutArea {
  /** Module Federation container name, also the single-spa application name. */
  name: 'mf_inventory' | 'mf_travel' | 'mf_dashboard' | 'mf_backoffice';
  prefix: `/${string}`;
  /** Key under `nav.` in the shell's messages. */
  labelKey: 'inventory' | 'travel' | 'dashboard' | 'backoffice';
  /** Roles (any scope) that may use the area; others get the "not available for your role" page. */
  roles: readonly RoleName[];
  /** Context parameters the area's addresses carry (`?unit=…&year=…`). */
  context: readonly ContextParam[];
  /**
   * Units offered in the picker: `own` = the units of the user's unit roles (data entry), `visible` = every
   * lab the user may see (principals their labs, reporting staff their affiliation, administrators all).
   */
  units: 'own' | 'visible';
}

/** The shell's one declarative layout: which remote owns which route prefix, and who may use it. */
export const LAYOUT: readonly LayoutArea[] = [
  { name: 'mf_inventory', prefix: '/inventory', labelKey: 'inventory', roles: ['user.principal', 'user.standard'], context: ['unit', 'year'], units: 'own' },
  { name: 'mf_travel', prefix: '/travel', labelKey: 'travel', roles: ['user.principal', 'user.standard'], context: ['unit', 'year'], units: 'own' },
  {
    name: 'mf_dashboard',
    prefix: '/dashboard',
    labelKey: 'dashboard',
    roles: ['user.principal', 'backoffice.metier', 'backoffice.admin'],
    context: ['unit', 'year'],
    units: 'visible',
  },
  { name: 'mf_backoffice', prefix: '/backoffice', labelKey: 'backoffice', roles: ['backoffice.metier', 'backoffice.admin'], context: ['year'], units: 'visible' },
];

/** `/travel`, `/travel/`, `/travel/x` belong to `/travel`; `/travelling` does not. */
export function isUnderPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function areaForPath(pathname: string, layout: readonly LayoutArea[] = LAYOUT): LayoutArea | undefined {
  return layout.find((area) => isUnderPrefix(pathname, area.prefix));
}

/** Whether one of the user's role grants (whatever its scope) opens the area. */
export function canUseArea(area: Pick<LayoutArea, 'roles'>, roles: readonly string[]): boolean {
  return parseRoleClaims(roles).some((grant) => area.roles.includes(grant.role));
}

/** Areas offered in the navigation: those the user's roles may use. */
export function navigableAreas(user: Pick<BffUser, 'roles'> | null, layout: readonly LayoutArea[] = LAYOUT): LayoutArea[] {
  if (!user) return [];
  return layout.filter((area) => canUseArea(area, user.roles));
}

/** Id of the element a remote is mounted into (outside the shell's router-view). */
export function containerId(area: Pick<LayoutArea, 'name'>): string {
  return `area-${area.name}`;
}
