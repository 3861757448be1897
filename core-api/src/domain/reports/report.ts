import type { ModuleKey, ModuleStatus } from '@co2/contracts';
import type { ReportModuleKey } from '../entries/entry.js';
import type { FactorKg } from '../results/uncertainty.js';

/** The cached sums of a module (kept by the entry writes; see `refreshModuleTotals`). */
export interface ModuleTotals {
  byScope?: Record<string, number>;
  byCategory?: Record<string, number>;
  byEmissionType?: Record<string, number>;
  bySubmodule?: Record<string, number>;
  additionalKg?: number;
}

/** One module of a unit's report of one year, as stored. */
export interface ModuleSnapshot {
  year: number;
  module: ModuleKey;
  status: ModuleStatus;
  totalKg: number;
  entryCount: number;
  totals: ModuleTotals;
  validatedAt: string | null;
  updatedAt: string;
}

/** A module of one lab's report as the reporting overview needs it. */
export interface UnitModuleTotal {
  unitId: string;
  module: ModuleKey;
  status: ModuleStatus;
  totalKg: number;
  additionalKg: number;
}

export interface ReportStore {
  /** Module statuses and totals of many labs for one year (reporting). */
  moduleTotals(unitIds: string[], year: number): Promise<UnitModuleTotal[]>;
  /** Modules of the unit's reports, for the given years (all years when omitted). */
  modules(unitId: string, years?: number[]): Promise<ModuleSnapshot[]>;
  /** Σ FTE of the unit's headcount entries of the year (members and students). */
  fte(unitId: string, year: number): Promise<number>;
  /** Σ FTE per unit of the year, for many units (the institution's average). */
  fteByUnit(unitIds: string[], year: number): Promise<Map<string, number>>;
  /** Counted emission rows summed per factor, with the factor's uncertainty (the results' uncertainty range). */
  emissionsByFactor(unitId: string, year: number): Promise<FactorKg[]>;
  setStatus(where: ReportModuleKey, status: 'validated' | 'in_progress', audit: { actor: { id: string; subject: string }; unitCode: string }): Promise<ModuleSnapshot>;
}
