// Lock keys of the jobs that write one year's data. Keys are hierarchical on `:` and the runner locks them as
// intent locks (shared on every prefix, exclusive on the key), so a key conflicts with its prefixes and its
// extensions only:
//   year:2025                          per-year jobs that may touch any module (aggregation of the year, …)
//   year:2025:module:buildings         a module's per-year import, factor import and recalculation
//   year:2025:module:buildings:unit:X  a unit-specific import (append) into that module
// A recalculation of buildings 2025 thus waits for any import of buildings 2025 (per-year or unit-specific)
// and for the year's aggregation, while professional travel 2025 runs beside it.
import type { ModuleKey, SubmoduleKey } from '@co2/contracts';
import { submoduleDefinition } from '../domain/modules/registry.js';

/** The lock levels of a key: its `:`-prefixes, shortest first, the key itself last. */
export function lockLevels(key: string): string[] {
  const parts = key.split(':');
  return parts.map((_, i) => parts.slice(0, i + 1).join(':'));
}

export const moduleOf = (submodule: SubmoduleKey): ModuleKey => submoduleDefinition(submodule).module;

/** The lock of a year, narrowed to one module when every target is in it, and to one unit inside that module. */
export function yearLockKey(year: number, scope: { submodules?: readonly SubmoduleKey[]; module?: ModuleKey; unitCode?: string } = {}): string {
  const modules = new Set<ModuleKey>(scope.module ? [scope.module] : []);
  for (const s of scope.submodules ?? []) modules.add(moduleOf(s));
  const [module] = modules;
  if (modules.size !== 1 || !module) return `year:${year}`;
  return scope.unitCode ? `year:${year}:module:${module}:unit:${scope.unitCode}` : `year:${year}:module:${module}`;
}
