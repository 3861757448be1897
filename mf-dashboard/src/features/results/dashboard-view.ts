// Pure view-model of the dashboard: the address's options, the headline figures and the module list.
import { MODULES, type ModuleKey, type ModuleStatus, type Results } from '@co2/contracts';
import { parseRoleClaims } from '@co2/shell-sdk';
import { formatNumber, formatPercent, formatTonnes } from '@co2/ui/format';
import type { ExplainItem } from '@co2/ui';

export const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[];

/** What the dashboard's address says beyond the unit and year (the shell's): `?provisional=true&compare=2024&additional=true`. */
export interface DashboardOptions {
  provisional: boolean;
  additional: boolean;
  compare: number | null;
}

type Query = Record<string, unknown>;
const flag = (value: unknown) => value === 'true';

export function readOptions(query: Query): DashboardOptions {
  const compare = typeof query.compare === 'string' && /^\d{4}$/.test(query.compare) ? Number(query.compare) : null;
  return { provisional: flag(query.provisional), additional: flag(query.additional), compare };
}

/** The query of the options: defaults are left out, so the plain address is the default view. */
export function optionsQuery(options: DashboardOptions): Record<string, string> {
  const query: Record<string, string> = {};
  if (options.provisional) query.provisional = 'true';
  if (options.additional) query.additional = 'true';
  if (options.compare !== null) query.compare = String(options.compare);
  return query;
}

export interface HeadlineFigures {
  total: string;
  /** Half the 95 % range (`± 0.98 t`), null when no factor carries any uncertainty. */
  range: string | null;
  perFte: string | null;
  change: string | null;
  previousYear: number;
  carKm: string;
}

/** The four headline figures as shown, in the user's locale (the page and its tests compare these with the API). */
export function headlineFigures(results: Results, locale: string): HeadlineFigures {
  return {
    total: formatTonnes(results.totalTonnesCo2eq, locale),
    range: results.uncertainty.halfWidth95TonnesCo2eq > 0 ? `±\u00a0${formatTonnes(results.uncertainty.halfWidth95TonnesCo2eq, locale)}` : null,
    perFte: results.tonnesCo2eqPerFte === null ? null : formatTonnes(results.tonnesCo2eqPerFte, locale),
    change: results.changePercent === null ? null : formatPercent(results.changePercent / 100, locale, { signed: true }),
    previousYear: results.year - 1,
    carKm: `${formatNumber(Math.round(results.equivalentCarKm), locale, { maximumFractionDigits: 0 })}\u00a0km`,
  };
}

export interface ModuleLine {
  module: ModuleKey;
  status: ModuleStatus;
  counted: boolean;
  /** t CO₂-eq as shown, or null while the module is not counted. */
  tonnes: string | null;
  /** Portal path of the module in the inventory (the shell adds the unit and year). */
  inventoryPath: string;
}

/** Every module in the reference order: counted or not in these figures, with its status and its place in the inventory. */
export function moduleLines(results: Results, statusOf: Partial<Record<ModuleKey, ModuleStatus>>, locale: string): ModuleLine[] {
  const counted = new Map(results.byModule.map((m) => [m.module, m]));
  return MODULE_KEYS.map((module) => {
    const line = counted.get(module);
    return {
      module,
      status: line?.status ?? statusOf[module] ?? 'not_started',
      counted: results.modules.includes(module),
      tonnes: line && module !== 'headcount' ? formatTonnes(line.tonnesCo2eq, locale) : null,
      inventoryPath: `/inventory/modules/${module}`,
    };
  });
}

/** Statuses of every module the unit has this year (the provisional results list them all). */
export function statusesOf(provisional: Results): Partial<Record<ModuleKey, ModuleStatus>> {
  return Object.fromEntries(provisional.byModule.map((m) => [m.module, m.status]));
}

/** Whether the user is a principal of the unit (the inventory links are theirs; others read the figures only). */
export function isPrincipalOf(roles: readonly string[], unit: string | null): boolean {
  return unit !== null && parseRoleClaims(roles).some((g) => g.role === 'user.principal' && g.scope.kind === 'unit' && g.scope.unitCode === unit);
}

/** The factors behind the total's uncertainty as explain-drawer items: tonnes, the factor and its uncertainty, its share. */
export function uncertaintyItems(results: Results, labels: { module: (m: ModuleKey) => string; relative: string; basis: (b: 'factor' | 'tag') => string; sigma: (t: string) => string }, locale: string): ExplainItem[] {
  return results.uncertainty.byFactor.map((f, i) => ({
    id: f.factorId ?? `row-${i}`,
    label: `${labels.module(f.module)}: ${f.label}`,
    kgCo2eq: f.tonnesCo2eq * 1000,
    inputs: [],
    factor: { id: f.factorId, label: f.label, ...(f.source ? { source: f.source } : {}), values: [{ value: Number((f.relativeUncertainty * 100).toFixed(2)), unit: '%', label: labels.relative }] },
    extra: [labels.basis(f.basis), labels.sigma(formatTonnes(f.sigmaTonnesCo2eq, locale))],
    uncertaintyShare: f.varianceShare,
  }));
}
