// Scopes of a data import in the pipeline: which module (and unit) it touches, for its lock and its aggregation.
import type { ModuleKey, SubmoduleKey } from '@co2/contracts';
import { moduleOf, yearLockKey } from '../jobs/lock-keys.js';
import { importFormat, type DataFormatId } from '../imports/formats/index.js';

interface DataImportScopeInput {
  format: DataFormatId;
  mode: 'per-year' | 'unit-specific';
  year: number;
  unitCode?: string;
  submodule?: SubmoduleKey;
}

const targetsOf = (p: DataImportScopeInput): readonly SubmoduleKey[] => (p.submodule ? [p.submodule] : importFormat(p.format).targets);

/** The module the import writes (when its targets share one) and, for unit-specific imports, the unit. */
export function dataImportScope(p: DataImportScopeInput): { module?: ModuleKey; unitCode?: string } {
  const modules = new Set(targetsOf(p).map(moduleOf));
  const [module] = modules;
  if (modules.size !== 1 || !module) return {};
  return p.mode === 'unit-specific' && p.unitCode ? { module, unitCode: p.unitCode } : { module };
}

/** Per-year: the module and year; unit-specific: that unit inside them (appends of two units run side by side). */
export const dataImportLockKey = (p: DataImportScopeInput): string =>
  yearLockKey(p.year, { submodules: targetsOf(p), unitCode: p.mode === 'unit-specific' ? p.unitCode : undefined });
