import type { Benchmark, Evolution, Results, ResultsQuery, ReportPathParams, Trajectory } from '@co2/contracts';
import type { Principal } from '../identity/principal.js';
import { toReportingRow } from '../reporting/reporting.js';
import { institutionAverage } from '../results/benchmark.js';
import { allowedTonnes, buildGoalTrajectory, type YearTotal } from '../results/trajectory.js';
import { propagateUncertainty } from '../results/uncertainty.js';
import { buildEvolution, buildUnitResults } from '../results/unit-results.js';
import type { Unit, UnitScope } from '../units/unit.js';
import { resolveYearConfiguration, type YearConfigurationReader } from '../years/year-configuration.js';
import { assertResultsReader, type ResolveLab } from './lab.js';
import type { ReportStore } from './report.js';

export interface ResultsDeps {
  resolveLab: ResolveLab;
  reports: Pick<ReportStore, 'modules' | 'fte' | 'emissionsByFactor'>;
  years: YearConfigurationReader;
}

/** Results of a year: the year's and the previous year's modules, the year's FTE → the pure results. */
export function createGetResults(deps: ResultsDeps) {
  return async (principal: Principal, path: ReportPathParams, query: ResultsQuery): Promise<Results> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    const [modules, totalFte, byFactor, stored] = await Promise.all([
      deps.reports.modules(unit.id, [path.year - 1, path.year]),
      deps.reports.fte(unit.id, path.year),
      deps.reports.emissionsByFactor(unit.id, path.year),
      deps.years.get(path.year),
    ]);
    const results = buildUnitResults({
      current: modules.filter((m) => m.year === path.year),
      previous: modules.filter((m) => m.year === path.year - 1),
      totalFte,
      provisional: query.provisional === 'true',
    });
    const counted = new Set(results.modules);
    const config = resolveYearConfiguration(path.year, stored);
    const uncertainty = propagateUncertainty(results.totalTonnesCo2eq, byFactor.filter((f) => counted.has(f.module)), (m) => config.modules[m]?.uncertainty ?? 'none');
    return { unit: unit.code, year: path.year, ...results, uncertainty };
  };
}

/** Validated totals of every year of the lab. */
export function createGetEvolution(deps: Pick<ResultsDeps, 'resolveLab'> & { reports: Pick<ReportStore, 'modules'> }) {
  return async (principal: Principal, path: { unit: string }): Promise<Evolution> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    return { unit: unit.code, years: buildEvolution(await deps.reports.modules(unit.id)) };
  };
}

export interface TrajectoryDeps {
  resolveLab: ResolveLab;
  reports: Pick<ReportStore, 'modules'>;
  years: YearConfigurationReader;
}

/** Validated totals of the years with a validated module (additional categories excluded). */
const validatedTotals = (modules: Parameters<typeof buildEvolution>[0]): YearTotal[] =>
  buildEvolution(modules)
    .filter((y) => y.validatedModules.length > 0)
    .map((y) => ({ year: y.year, tonnesCo2eq: y.totalTonnesCo2eq }));

/** The year's reduction goals → the lab's validated totals over the years → one trajectory per goal. */
export function createGetTrajectory(deps: TrajectoryDeps) {
  return async (principal: Principal, path: ReportPathParams): Promise<Trajectory> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    const [stored, modules] = await Promise.all([deps.years.get(path.year), deps.reports.modules(unit.id)]);
    const goals = resolveYearConfiguration(path.year, stored).reductionGoals;
    const totals = validatedTotals(modules);
    return { unit: unit.code, year: path.year, goals: goals.map((goal) => buildGoalTrajectory(goal, totals)) };
  };
}

export interface BenchmarkDeps extends TrajectoryDeps {
  reports: Pick<ReportStore, 'modules' | 'fte' | 'fteByUnit' | 'moduleTotals'>;
  units: { list(scope: UnitScope, filter: { level?: number }): Promise<Unit[]> };
}

/**
 * The lab's validated t per FTE, the institution's average over every fully validated lab (whatever the
 * caller's scope: an aggregate of at least three labs, no lab identifiable) and the objective of its trajectory.
 */
export function createGetBenchmark(deps: BenchmarkDeps) {
  return async (principal: Principal, path: ReportPathParams): Promise<Benchmark> => {
    const unit = await deps.resolveLab(principal, path.unit);
    assertResultsReader(principal, unit);
    const labs = await deps.units.list({ kind: 'all' }, { level: 4 });
    const ids = labs.map((l) => l.id);
    const [totals, fteByUnit, modules, stored, fte] = await Promise.all([
      deps.reports.moduleTotals(ids, path.year),
      deps.reports.fteByUnit(ids, path.year),
      deps.reports.modules(unit.id),
      deps.years.get(path.year),
      deps.reports.fte(unit.id, path.year),
    ]);
    const rows = labs.map((lab) => toReportingRow(lab, totals.filter((t) => t.unitId === lab.id)));
    const institution = institutionAverage(
      labs.map((lab, i) => ({ unitId: lab.id, fullyValidated: rows[i]?.status === 'validated', validatedTonnesCo2eq: rows[i]?.validatedTonnesCo2eq ?? 0, fte: fteByUnit.get(lab.id) ?? 0 })),
    );
    const own = buildUnitResults({ current: modules.filter((m) => m.year === path.year), previous: [], totalFte: fte, provisional: false });
    // (the benchmark compares validated totals only; the uncertainty range is the results' business)
    const yearTotals = validatedTotals(modules);
    const objective = resolveYearConfiguration(path.year, stored)
      .reductionGoals.map((goal) => ({ goal, reference: yearTotals.find((t) => t.year === goal.referenceYear) }))
      .find((g) => g.reference && g.goal.referenceYear <= path.year);
    return {
      unit: unit.code,
      year: path.year,
      tonnesCo2eqPerFte: own.tonnesCo2eqPerFte,
      institution,
      objectiveTonnesCo2eqPerFte: objective?.reference && fte > 0 ? allowedTonnes(objective.goal, objective.reference.tonnesCo2eq, path.year) / fte : null,
    };
  };
}
