import { unitCodesOf } from '@co2/shell-sdk';
import type { ContextSources } from './access.js';
import type { ContextValues } from './context-params.js';
import type { LayoutArea } from './layout.js';
import { areaUnits } from './units.js';
import { defaultYear } from './years.js';

/**
 * The context an area opens with when its address does not name one: what the address names, else the
 * context the user last worked in (if this area offers it), else their own unit and the newest open year.
 */
export function contextFor(area: Pick<LayoutArea, 'context' | 'units'>, sources: ContextSources, named: ContextValues, last: ContextValues, currentYear: number): ContextValues {
  return {
    unit: area.context.includes('unit') ? (named.unit ?? defaultUnit(area, sources, last.unit)) : null,
    year: area.context.includes('year') ? (named.year ?? defaultYearFor(sources, last.year, currentYear)) : null,
  };
}

function defaultUnit(area: Pick<LayoutArea, 'units'>, sources: ContextSources, last: string | null): string | null {
  if (!sources.units) return last ?? unitCodesOf(sources.roles)[0] ?? null;
  const offered = areaUnits(area, sources.units, sources.roles).map((u) => u.code);
  if (last !== null && offered.includes(last)) return last;
  const own = unitCodesOf(sources.roles).find((code) => offered.includes(code));
  return own ?? offered[0] ?? null;
}

function defaultYearFor(sources: ContextSources, last: number | null, currentYear: number): number {
  if (last !== null && (!sources.years || sources.years.length === 0 || sources.years.some((y) => y.year === last))) return last;
  return defaultYear(currentYear, sources.years);
}

/** What the home page starts with (before any area is opened): every lab the user may see, the user's own first. */
export const HOME_CONTEXT: Pick<LayoutArea, 'context' | 'units'> = { context: ['unit', 'year'], units: 'visible' };
