// Pure chart view-models: what each dashboard chart draws, built from the results contracts. The same spec feeds
// ECharts, the table beside each chart and its CSV download, so the three always agree.
import type { Benchmark, Evolution, GoalTrajectory, ModuleKey, Results } from '@co2/contracts';
import { MODULE_KEYS } from '../results/dashboard-view.js';

export interface ChartSeries {
  name: string;
  /** One per category of the chart, in the chart's unit; null where there is no figure (a year without validated total). */
  values: (number | null)[];
  /** Line series only: dashed (a path to follow, not a measure). */
  dashed?: boolean;
}

export interface ChartSpec {
  /** Stable id: test id and download file name. */
  id: string;
  title: string;
  kind: 'bar' | 'pie' | 'line';
  categories: string[];
  series: ChartSeries[];
  stacked: boolean;
  /** What the values measure (default t CO₂-eq). */
  unit?: 'tonnes' | 'tonnesPerFte';
  /** Half the 95 % range of each category's total (error bars), when any is known. */
  errors?: (number | null)[];
}

export interface ChartLabels {
  module: (module: ModuleKey) => string;
  category: (category: string) => string;
  scope: (scope: 'scope1' | 'scope2' | 'scope3') => string;
  itGroup: (group: ItGroup) => string;
  year: (year: number) => string;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const ordered = (modules: Iterable<ModuleKey>) => {
  const set = new Set(modules);
  return MODULE_KEYS.filter((m) => set.has(m));
};

/** Counted modules (x) stacked by chart category. */
export function byModuleChart(results: Results, title: string, labels: ChartLabels): ChartSpec {
  const modules = ordered(results.byModuleCategory.map((c) => c.module));
  const categories = [...new Set(results.byModuleCategory.map((c) => c.category))];
  const series = categories.map((category) => ({
    name: labels.category(category),
    values: modules.map((module) => sum(results.byModuleCategory.filter((c) => c.module === module && c.category === category).map((c) => c.tonnesCo2eq))),
  }));
  const halfWidth = (m: ModuleKey) => results.uncertainty.byModule.find((u) => u.module === m)?.halfWidth95TonnesCo2eq ?? null;
  const errors = modules.map(halfWidth);
  return { id: 'chart-module', title, kind: 'bar', categories: modules.map(labels.module), series, stacked: true, ...(errors.some((e) => e !== null && e > 0) ? { errors } : {}) };
}

/** Scope 1, 2 and 3 as a donut. */
export function byScopeChart(results: Results, title: string, labels: ChartLabels): ChartSpec {
  const scopes = ['scope1', 'scope2', 'scope3'] as const;
  return { id: 'chart-scope', title, kind: 'pie', categories: scopes.map(labels.scope), series: [{ name: title, values: scopes.map((s) => results.byScope[s]) }], stacked: false };
}

/** Validated totals per year (x), stacked by module. */
export function evolutionChart(evolution: Evolution, title: string, labels: ChartLabels): ChartSpec {
  const modules = ordered(evolution.years.flatMap((y) => y.byModule.map((m) => m.module))).filter((m) => m !== 'headcount');
  const series = modules.map((module) => ({
    name: labels.module(module),
    values: evolution.years.map((y) => y.byModule.find((m) => m.module === module)?.tonnesCo2eq ?? 0),
  }));
  return { id: 'chart-evolution', title, kind: 'bar', categories: evolution.years.map((y) => labels.year(y.year)), series, stacked: true };
}

export type ItGroup = 'equipment' | 'purchases' | 'clouds' | 'ai' | 'facilities' | 'other';
const IT_GROUPS: [string, ItGroup][] = [
  ['equipment__', 'equipment'],
  ['purchases__', 'purchases'],
  ['external__clouds', 'clouds'],
  ['external__ai', 'ai'],
  ['research_facilities__', 'facilities'],
];

/** The IT emission type's group (IT electricity, IT purchases, cloud, AI, IT research facilities). */
export function itGroupOf(emissionType: string): ItGroup {
  return IT_GROUPS.find(([prefix]) => emissionType.startsWith(prefix))?.[1] ?? 'other';
}

/** The IT focus: IT electricity, IT purchases, cloud and AI, IT research facilities. */
export function itChart(results: Results, title: string, labels: ChartLabels): ChartSpec {
  const groups = new Map<ItGroup, number>();
  for (const row of results.itFocus.byEmissionType) groups.set(itGroupOf(row.emissionType), (groups.get(itGroupOf(row.emissionType)) ?? 0) + row.tonnesCo2eq);
  const entries = [...groups.entries()].sort((a, b) => b[1] - a[1]);
  return { id: 'chart-it', title, kind: 'bar', categories: entries.map(([g]) => labels.itGroup(g)), series: [{ name: title, values: entries.map(([, t]) => t) }], stacked: false };
}

/** Commuting, food, waste and embodied energy: reported beside the total, never in it. */
export function additionalChart(results: Results, title: string, labels: ChartLabels): ChartSpec {
  const rows = results.additional.byCategory;
  return { id: 'chart-additional', title, kind: 'bar', categories: rows.map((r) => labels.category(r.category)), series: [{ name: title, values: rows.map((r) => r.tonnesCo2eq) }], stacked: false };
}

/** Two years side by side, by module (`by: 'module'`) or by chart category. */
export function compareChart(a: Results, b: Results, by: 'module' | 'category', title: string, labels: ChartLabels): ChartSpec {
  const [first, second] = a.year <= b.year ? [a, b] : [b, a];
  if (by === 'module') {
    const modules = ordered([...first.byModule, ...second.byModule].map((m) => m.module)).filter((m) => m !== 'headcount');
    const value = (r: Results, module: ModuleKey) => r.byModule.find((m) => m.module === module)?.tonnesCo2eq ?? 0;
    return {
      id: 'chart-compare-module',
      title,
      kind: 'bar',
      categories: modules.map(labels.module),
      series: [first, second].map((r) => ({ name: labels.year(r.year), values: modules.map((m) => value(r, m)) })),
      stacked: false,
    };
  }
  const categories = [...new Set([...first.byCategory, ...second.byCategory].map((c) => c.category))];
  const value = (r: Results, category: string) => r.byCategory.find((c) => c.category === category)?.tonnesCo2eq ?? 0;
  return {
    id: 'chart-compare-category',
    title,
    kind: 'bar',
    categories: categories.map(labels.category),
    series: [first, second].map((r) => ({ name: labels.year(r.year), values: categories.map((c) => value(r, c)) })),
    stacked: false,
  };
}

const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The chart's data as CSV: one row per category, one column per series, tonnes CO₂-eq with a dot decimal and
 * full precision (a file for spreadsheets and scripts, not a display), with a header naming the unit.
 */
export function chartCsv(spec: ChartSpec, labelHeader: string): string {
  const unit = spec.unit === 'tonnesPerFte' ? 't CO2-eq/FTE' : 't CO2-eq';
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const header = [labelHeader, ...spec.series.map((s) => `${s.name} (${unit})`), ...(spec.errors ? [`± 95 % (${unit})`] : [])];
  const rows = spec.categories.map((category, i) => [category, ...spec.series.map((s) => cell(s.values[i])), ...(spec.errors ? [cell(spec.errors[i])] : [])]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One goal's trajectory: the straight path (dashed) and the validated totals, per year. */
export function trajectoryChart(goal: GoalTrajectory, index: number, names: { path: string; actual: string }): ChartSpec {
  const years = [...new Set([...goal.path, ...goal.actual].map((p) => p.year))].sort((a, b) => a - b);
  const at = (points: { year: number; tonnesCo2eq: number }[], year: number) => points.find((p) => p.year === year)?.tonnesCo2eq ?? null;
  return {
    id: `chart-trajectory-${index}`,
    title: goal.label,
    kind: 'line',
    categories: years.map(String),
    series: [
      { name: names.path, values: years.map((y) => at(goal.path, y)), dashed: true },
      { name: names.actual, values: years.map((y) => at(goal.actual, y)) },
    ],
    stacked: false,
  };
}

/** t per FTE: the unit, the institution's average (when there is one) and the trajectory's objective (when there is one). */
export function benchmarkChart(benchmark: Benchmark, title: string, names: { unit: string; institution: string; objective: string }): ChartSpec {
  const bars: [string, number | null][] = [
    [names.unit, benchmark.tonnesCo2eqPerFte],
    [names.institution, benchmark.institution?.tonnesCo2eqPerFte ?? null],
    [names.objective, benchmark.objectiveTonnesCo2eqPerFte],
  ];
  const shown = bars.filter((b): b is [string, number] => b[1] !== null);
  return { id: 'chart-per-fte', title, kind: 'bar', categories: shown.map(([n]) => n), series: [{ name: title, values: shown.map(([, v]) => v) }], stacked: false, unit: 'tonnesPerFte' };
}
