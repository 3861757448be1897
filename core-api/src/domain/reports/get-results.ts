import type { Evolution, Results, ResultsQuery, ReportPathParams } from '@co2/contracts';
import type { Principal } from '../identity/principal.js';
import { buildEvolution, buildUnitResults } from '../results/unit-results.js';
import { assertResultsReader, type ResolveLab } from './lab.js';
import type { ReportStore } from './report.js';

export interface ResultsDeps {
  resolveLab: ResolveLab;
  reports: Pick<ReportStore, 'modules' | 'fte'>;
}

/** Results of a year: the year's and the previous year's modules, the year's FTE → the pure results. */
export function createGetResults(deps: ResultsDeps) {
  return async (principal: Principal, path: ReportPathParams, query: ResultsQuery): Promise<Results> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    const [modules, totalFte] = await Promise.all([deps.reports.modules(unit.id, [path.year - 1, path.year]), deps.reports.fte(unit.id, path.year)]);
    const results = buildUnitResults({
      current: modules.filter((m) => m.year === path.year),
      previous: modules.filter((m) => m.year === path.year - 1),
      totalFte,
      provisional: query.provisional === 'true',
    });
    return { unit: unit.code, year: path.year, ...results };
  };
}

/** Validated totals of every year of the lab. */
export function createGetEvolution(deps: Omit<ResultsDeps, 'reports'> & { reports: Pick<ReportStore, 'modules'> }) {
  return async (principal: Principal, path: { unit: string }): Promise<Evolution> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    return { unit: unit.code, years: buildEvolution(await deps.reports.modules(unit.id)) };
  };
}
