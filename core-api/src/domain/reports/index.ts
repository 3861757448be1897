import type { Repositories } from '../../repositories/index.js';
import { createAssertYearOpen } from '../years/year-use-cases.js';
import { createGetReport } from './get-report.js';
import { createGetBenchmark, createGetEvolution, createGetResults, createGetTrajectory } from './get-results.js';
import { createResolveLab } from './lab.js';
import { createSetModuleStatus } from './set-module-status.js';

/** The report use cases (report, module status, results, evolution), wired from the repositories they use. */
export function createReportUseCases(repos: Pick<Repositories, 'units' | 'reports' | 'years'>) {
  const resolveLab = createResolveLab({ units: repos.units });
  const assertYearOpen = createAssertYearOpen({ years: repos.years });
  return {
    getReport: createGetReport({ resolveLab, reports: repos.reports, years: repos.years }),
    setModuleStatus: createSetModuleStatus({ resolveLab, assertYearOpen, reports: repos.reports }),
    getResults: createGetResults({ resolveLab, reports: repos.reports, years: repos.years }),
    getEvolution: createGetEvolution({ resolveLab, reports: repos.reports }),
    getTrajectory: createGetTrajectory({ resolveLab, reports: repos.reports, years: repos.years }),
    getBenchmark: createGetBenchmark({ resolveLab, reports: repos.reports, years: repos.years, units: repos.units }),
  };
}
export type ReportUseCases = ReturnType<typeof createReportUseCases>;
