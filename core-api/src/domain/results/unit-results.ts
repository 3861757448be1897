import { MODULES, type ModuleKey, type Results } from '@co2/contracts';
import { findEmissionType } from '../modules/emission-types/index.js';
import type { ModuleSnapshot } from '../reports/report.js';
import { computeReportStats, isIt, type EmissionFact } from './report-stats.js';
import { computeResultsSummary, type ModuleKg } from './summary.js';

export interface ResultsInput {
  current: readonly ModuleSnapshot[];
  previous: readonly ModuleSnapshot[];
  totalFte: number;
  /** Every module counts (provisional view); otherwise validated modules only. */
  provisional: boolean;
}

const tonnes = (kg: number) => kg / 1000;
const MODULE_ORDER = Object.keys(MODULES) as ModuleKey[];
const counts = (m: ModuleSnapshot, provisional: boolean) => provisional || m.status === 'validated';

interface Split {
  facts: EmissionFact[];
  additional: Record<string, number>;
}

/** A module's cached sums by emission type, split into counted facts and additional categories. */
function split(modules: readonly ModuleSnapshot[]): Split {
  const out: Split = { facts: [], additional: {} };
  for (const m of modules) {
    for (const [key, kg] of Object.entries(m.totals.byEmissionType ?? {})) {
      const type = findEmissionType(key);
      if (!type || type.scope === null) continue; // the engine only writes known leaf types
      if (type.additional) out.additional[type.category ?? key] = (out.additional[type.category ?? key] ?? 0) + kg;
      else out.facts.push({ module: m.module, emissionType: key, scope: type.scope, kgCo2eq: kg });
    }
  }
  return out;
}

const moduleKg = (modules: readonly ModuleSnapshot[], facts: readonly EmissionFact[]): ModuleKg => {
  const kg: ModuleKg = {};
  for (const m of modules) kg[m.module] = 0;
  for (const f of facts) kg[f.module] = (kg[f.module] ?? 0) + f.kgCo2eq;
  return kg;
};

const sortedTonnes = <K extends string>(bucket: Record<string, number>, key: K) =>
  Object.entries(bucket)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, kg]) => ({ [key]: name, tonnesCo2eq: tonnes(kg) }) as { [P in K]: string } & { tonnesCo2eq: number });

/**
 * A unit's results for a year from its modules' cached sums: counted modules (validated, or all when
 * provisional), additional categories (commuting, food, waste, embodied energy) beside the totals, the IT focus,
 * and the change against the previous year counted the same way.
 */
export function buildUnitResults(input: ResultsInput): Omit<Results, 'unit' | 'year' | 'uncertainty'> {
  const current = input.current.filter((m) => counts(m, input.provisional));
  const previous = input.previous.filter((m) => counts(m, input.provisional));
  const now = split(current);
  const before = split(previous);
  const summary = computeResultsSummary({ current: moduleKg(current, now.facts), previous: moduleKg(previous, before.facts), totalFte: input.totalFte });
  const validated = new Set(input.current.filter((m) => m.status === 'validated').map((m) => m.module));
  const stats = computeReportStats(now.facts, validated);
  const byCategory: Record<string, number> = {};
  const byModuleCategory = new Map<string, { module: ModuleKey; category: string; kg: number }>();
  const it: Record<string, number> = {};
  for (const f of now.facts) {
    const category = findEmissionType(f.emissionType)?.category ?? 'other';
    byCategory[category] = (byCategory[category] ?? 0) + f.kgCo2eq;
    const cell = byModuleCategory.get(`${f.module}|${category}`) ?? { module: f.module, category, kg: 0 };
    byModuleCategory.set(`${f.module}|${category}`, { ...cell, kg: cell.kg + f.kgCo2eq });
    if (isIt(f.emissionType)) it[f.emissionType] = (it[f.emissionType] ?? 0) + f.kgCo2eq;
  }
  const additionalKg = Object.values(now.additional).reduce((s, v) => s + v, 0);
  const statusOf = new Map(input.current.map((m) => [m.module, m.status]));
  return {
    provisional: input.provisional,
    modules: MODULE_ORDER.filter((m) => current.some((c) => c.module === m)),
    totalTonnesCo2eq: summary.totalTonnesCo2eq,
    totalFte: summary.totalFte,
    tonnesCo2eqPerFte: summary.tonnesCo2eqPerFte,
    equivalentCarKm: summary.equivalentCarKm,
    previousTotalTonnesCo2eq: summary.previousTotalTonnesCo2eq,
    changePercent: summary.changePercent,
    byModule: summary.modules
      .map((m) => ({ ...m, status: statusOf.get(m.module) ?? 'not_started' }))
      .sort((a, b) => MODULE_ORDER.indexOf(a.module) - MODULE_ORDER.indexOf(b.module)),
    byScope: { scope1: tonnes(stats.scope1), scope2: tonnes(stats.scope2), scope3: tonnes(stats.scope3) },
    byCategory: sortedTonnes(byCategory, 'category'),
    byModuleCategory: [...byModuleCategory.values()]
      .sort((a, b) => MODULE_ORDER.indexOf(a.module) - MODULE_ORDER.indexOf(b.module) || b.kg - a.kg || a.category.localeCompare(b.category))
      .map(({ module, category, kg }) => ({ module, category, tonnesCo2eq: tonnes(kg) })),
    additional: {
      totalTonnesCo2eq: tonnes(additionalKg),
      tonnesCo2eqPerFte: input.totalFte > 0 ? tonnes(additionalKg) / input.totalFte : null,
      byCategory: sortedTonnes(now.additional, 'category'),
    },
    itFocus: { tonnesCo2eq: tonnes(stats.itTotalKg), byEmissionType: sortedTonnes(it, 'emissionType') },
  };
}

/** Validated totals per year (additional categories excluded), oldest first. */
export function buildEvolution(modules: readonly ModuleSnapshot[]) {
  const years = [...new Set(modules.map((m) => m.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const validated = modules.filter((m) => m.year === year && m.status === 'validated');
    const kg = moduleKg(validated, split(validated).facts);
    const byModule = MODULE_ORDER.filter((m) => kg[m] !== undefined).map((module) => ({ module, tonnesCo2eq: tonnes(kg[module] ?? 0) }));
    return { year, totalTonnesCo2eq: byModule.reduce((s, m) => s + m.tonnesCo2eq, 0), validatedModules: byModule.map((m) => m.module), byModule };
  });
}
