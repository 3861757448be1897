import type { Unit } from '@co2/contracts';
import { unitName, type Locale } from '@co2/shell-sdk';

export interface UnitRow {
  code: string;
  name: string;
  level: number;
  parentCode: string;
  active: boolean;
}

/** Table rows in hierarchy order (by path), names in the portal language. */
export function unitRows(units: readonly Unit[], locale: Locale): UnitRow[] {
  return [...units]
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')))
    .map((u) => ({ code: u.code, name: unitName(u, locale), level: u.level, parentCode: u.parentCode ?? '—', active: u.active }));
}
