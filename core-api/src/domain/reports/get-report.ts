import { MODULES, type ModuleKey, type Report, type ReportModule, type ReportPathParams } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { moduleAccess } from '../entries/access.js';
import type { Principal } from '../identity/principal.js';
import { resolveYearConfiguration, type YearConfigurationReader } from '../years/year-configuration.js';
import type { ResolveLab } from './lab.js';
import type { ModuleSnapshot, ReportStore } from './report.js';

export interface GetReportDeps {
  resolveLab: ResolveLab;
  reports: Pick<ReportStore, 'modules'>;
  years: YearConfigurationReader;
}

export function toReportModule(module: ModuleKey, stored: ModuleSnapshot | undefined, showTotals: boolean): ReportModule {
  return {
    module,
    status: stored?.status ?? 'not_started',
    totalKgCo2eq: showTotals ? (stored?.totalKg ?? 0) : null,
    additionalKgCo2eq: showTotals ? (stored?.totals.additionalKg ?? 0) : null,
    entryCount: showTotals ? (stored?.entryCount ?? 0) : null,
    validatedAt: stored?.validatedAt ?? null,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/**
 * The report of a lab for a year: the modules the caller works in with their status; totals where the caller
 * sees the whole module (a standard user sees the status of travel, not the unit's travel total).
 */
export function createGetReport(deps: GetReportDeps) {
  return async (principal: Principal, path: ReportPathParams): Promise<Report> => {
    const unit = await deps.resolveLab(principal, path.unit);
    const visible = (Object.keys(MODULES) as ModuleKey[]).map((m) => [m, moduleAccess(principal.grants, unit.code, m)] as const).filter(([, a]) => a !== 'none');
    if (visible.length === 0) throw errors.forbidden(`the modules of ${unit.code}`);
    const [stored, year] = await Promise.all([deps.reports.modules(unit.id, [path.year]), deps.years.get(path.year)]);
    const byModule = new Map(stored.map((m) => [m.module, m]));
    const config = resolveYearConfiguration(path.year, year);
    return {
      unit: unit.code,
      year: path.year,
      open: config.openToUsers,
      validatedModules: stored.filter((m) => m.status === 'validated').length,
      modules: visible.map(([module, access]) => ({
        ...toReportModule(module, byModule.get(module), access === 'unit'),
        enabled: config.modules[module]?.enabled ?? true,
        uncertainty: config.modules[module]?.uncertainty ?? 'none',
        submodules: MODULES[module].map((submodule) => {
          const set = config.modules[module]?.submodules[submodule];
          return { submodule, enabled: set?.enabled ?? true, thresholdKg: set?.thresholdKg ?? null };
        }),
      })),
    };
  };
}
