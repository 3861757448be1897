import type { ModuleKey } from '@co2/contracts';

/** kg CO2-eq per module; `null` or absent = not validated (left out of the results). */
export type ModuleKg = Partial<Record<ModuleKey, number | null>>;

/** Default of the reference (`CO2_PER_KM_KG`): kg CO2-eq per car-km, for the "equivalent car km" figure. */
export const DEFAULT_CAR_KG_PER_KM = 0.2996;

const tonnes = (kg: number) => kg / 1000;
const counted = (kg: ModuleKg) => Object.entries(kg).filter((e): e is [ModuleKey, number] => typeof e[1] === 'number');
const sumKg = (kg: ModuleKg) => counted(kg).reduce((s, [, v]) => s + v, 0);
/** `(current − previous) / previous × 100`, or null when there is no previous value or it is 0. */
export const changePercent = (current: number, previous: number | null | undefined) =>
  previous === null || previous === undefined || previous === 0 ? null : ((current - previous) / previous) * 100;

export interface ValidatedTotals {
  /** t CO2-eq per validated module; headcount reports its FTE instead. */
  modules: Partial<Record<ModuleKey, number>>;
  totalTonnesCo2eq: number;
  totalFte: number;
}

/** The validated modules' totals (reference `compute_validated_totals`). */
export function computeValidatedTotals(kg: ModuleKg, totalFte: number): ValidatedTotals {
  const modules: Partial<Record<ModuleKey, number>> = {};
  for (const [module, value] of counted(kg)) modules[module] = module === 'headcount' ? totalFte : tonnes(value);
  return { modules, totalTonnesCo2eq: tonnes(sumKg(kg)), totalFte };
}

export interface ModuleResult {
  module: ModuleKey;
  tonnesCo2eq: number;
  previousTonnesCo2eq: number | null;
  changePercent: number | null;
}

export interface ResultsSummary {
  totalTonnesCo2eq: number;
  totalFte: number;
  tonnesCo2eqPerFte: number | null;
  equivalentCarKm: number;
  previousTotalTonnesCo2eq: number | null;
  changePercent: number | null;
  modules: ModuleResult[];
}

/** Headline results of a report against the previous year's (reference `compute_results_summary`). */
export function computeResultsSummary(input: { current: ModuleKg; previous?: ModuleKg; totalFte: number; carKgPerKm?: number }): ResultsSummary {
  const { current, previous, totalFte } = input;
  const totalKg = sumKg(current);
  const previousKg = previous && counted(previous).length > 0 ? sumKg(previous) : null;
  return {
    totalTonnesCo2eq: tonnes(totalKg),
    totalFte,
    tonnesCo2eqPerFte: totalFte > 0 ? tonnes(totalKg) / totalFte : null,
    equivalentCarKm: totalKg / (input.carKgPerKm ?? DEFAULT_CAR_KG_PER_KM),
    previousTotalTonnesCo2eq: previousKg === null ? null : tonnes(previousKg),
    changePercent: changePercent(totalKg, previousKg),
    modules: counted(current).map(([module, kg]) => {
      const prev = previous?.[module];
      return { module, tonnesCo2eq: tonnes(kg), previousTonnesCo2eq: typeof prev === 'number' ? tonnes(prev) : null, changePercent: changePercent(kg, prev) };
    }),
  };
}
