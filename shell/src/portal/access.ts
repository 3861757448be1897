import type { Unit } from '@co2/contracts';
import type { ContextValues } from './context-params.js';
import { canUseArea, type LayoutArea } from './layout.js';
import { areaUnits } from './units.js';
import type { YearOption } from './years.js';

/** What the user may work on: their role claims and the units and years the API lists for them (null = not known). */
export interface ContextSources {
  roles: readonly string[];
  units: readonly Unit[] | null;
  years: readonly YearOption[] | null;
}

/** Whether an area can be shown for this address, and if not, which page the shell shows instead. */
export type AreaAccess =
  | { status: 'ok' }
  | { status: 'role' }
  | { status: 'no-unit' }
  | { status: 'unit-unavailable'; unit: string }
  | { status: 'year-unavailable'; year: number };

/**
 * An area opens when one of the user's roles may use it and the address names a unit and year the user may
 * work on. A parameter the address does not carry yet is not a refusal (the shell fills it in).
 */
export function areaAccess(area: LayoutArea, sources: ContextSources, values: ContextValues): AreaAccess {
  if (!canUseArea(area, sources.roles)) return { status: 'role' };
  if (area.context.includes('unit') && sources.units) {
    const offered = areaUnits(area, sources.units, sources.roles);
    if (offered.length === 0) return { status: 'no-unit' };
    if (values.unit !== null && !offered.some((u) => u.code === values.unit)) return { status: 'unit-unavailable', unit: values.unit };
  }
  if (area.context.includes('year') && sources.years && sources.years.length > 0 && values.year !== null && !sources.years.some((y) => y.year === values.year)) {
    return { status: 'year-unavailable', year: values.year };
  }
  return { status: 'ok' };
}
