import type { ModuleKey } from '@co2/contracts';
import { isWithin } from '../modules/emission-types/index.js';
import type { Scope } from '../modules/emission-types/tree.js';

export interface EmissionFact {
  module: ModuleKey;
  emissionType: string;
  scope: Scope;
  kgCo2eq: number;
}

/** Emission types of the IT focus: IT electricity, IT purchases, cloud and AI, research facilities. */
const IT_ROOTS = ['equipment__it', 'purchases__it_equipment', 'external', 'research_facilities'];
export const isIt = (emissionType: string) => IT_ROOTS.some((root) => isWithin(emissionType, root));

export interface ReportStats {
  scope1: number;
  scope2: number;
  scope3: number;
  total: number;
  itTotalKg: number;
  byEmissionType: Record<string, number>;
  byModule: Partial<Record<ModuleKey, number>>;
  /** The module with the largest total among validated modules; null while none is validated. */
  highestModule: ModuleKey | null;
}

/** Sums of a report's emission rows by scope, type and module (reference `_build_report_stats`). */
export function computeReportStats(facts: readonly EmissionFact[], validated: ReadonlySet<ModuleKey>): ReportStats {
  const stats: ReportStats = { scope1: 0, scope2: 0, scope3: 0, total: 0, itTotalKg: 0, byEmissionType: {}, byModule: {}, highestModule: null };
  for (const f of facts) {
    stats[`scope${f.scope}`] += f.kgCo2eq;
    stats.total += f.kgCo2eq;
    if (isIt(f.emissionType)) stats.itTotalKg += f.kgCo2eq;
    stats.byEmissionType[f.emissionType] = (stats.byEmissionType[f.emissionType] ?? 0) + f.kgCo2eq;
    stats.byModule[f.module] = (stats.byModule[f.module] ?? 0) + f.kgCo2eq;
  }
  let best = -Infinity;
  for (const [module, kg] of Object.entries(stats.byModule) as [ModuleKey, number][]) {
    if (validated.has(module) && kg > best) [best, stats.highestModule] = [kg, module];
  }
  return stats;
}
