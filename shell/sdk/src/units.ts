import type { Unit } from '@co2/contracts';
import type { Locale } from './context.js';

/** A unit's name in the portal language (German falls back to English when the unit has no German name). */
export function unitName(unit: Pick<Unit, 'name' | 'nameFr' | 'nameDe'>, locale: Locale): string {
  if (locale === 'fr') return unit.nameFr;
  if (locale === 'de') return unit.nameDe ?? unit.name;
  return unit.name;
}
