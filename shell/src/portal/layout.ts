import { hasBackofficeRole } from '@co2/shell-sdk';
import type { BffUser } from '@co2/contracts';

/** One area of the portal: a route prefix owned by the shell and the remote (Module Federation name) mounted there. */
export interface LayoutArea {
  /** Module Federation container name, also the single-spa application name. */
  name: 'mf_inventory' | 'mf_travel' | 'mf_dashboard' | 'mf_backoffice';
  prefix: `/${string}`;
  /** Key under `nav.` in the shell's messages. */
  labelKey: 'inventory' | 'travel' | 'dashboard' | 'backoffice';
  requiresBackoffice: boolean;
}

/** The shell's one declarative layout: which remote owns which route prefix. */
export const LAYOUT: readonly LayoutArea[] = [
  { name: 'mf_inventory', prefix: '/inventory', labelKey: 'inventory', requiresBackoffice: false },
  { name: 'mf_travel', prefix: '/travel', labelKey: 'travel', requiresBackoffice: false },
  { name: 'mf_dashboard', prefix: '/dashboard', labelKey: 'dashboard', requiresBackoffice: false },
  { name: 'mf_backoffice', prefix: '/backoffice', labelKey: 'backoffice', requiresBackoffice: true },
];

/** `/travel`, `/travel/`, `/travel/x` belong to `/travel`; `/travelling` does not. */
export function isUnderPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export function areaForPath(pathname: string, layout: readonly LayoutArea[] = LAYOUT): LayoutArea | undefined {
  return layout.find((area) => isUnderPrefix(pathname, area.prefix));
}

/**
 * Areas offered in the navigation (the backoffice entry only with a backoffice role). Every area is still
 * mounted for any signed-in user who opens its URL: core-api decides what they may see.
 */
export function navigableAreas(user: Pick<BffUser, 'roles'> | null, layout: readonly LayoutArea[] = LAYOUT): LayoutArea[] {
  if (!user) return [];
  const backoffice = hasBackofficeRole(user.roles);
  return layout.filter((area) => !area.requiresBackoffice || backoffice);
}

/** Id of the element a remote is mounted into (outside the shell's router-view). */
export function containerId(area: Pick<LayoutArea, 'name'>): string {
  return `area-${area.name}`;
}
