import type { ModuleKey } from '@co2/contracts';

type UncertaintyTag = 'none' | 'low' | 'medium' | 'high';

/**
 * Relative standard uncertainty a module's factors get from the year's uncertainty tag when they carry none
 * (docs/uncertainty.md): `none` claims nothing (0), low 10 %, medium 30 %, high 50 %.
 */
export const TAG_RELATIVE_UNCERTAINTY: Record<UncertaintyTag, number> = { none: 0, low: 0.1, medium: 0.3, high: 0.5 };

/** 95 % coverage of a normal distribution: ±1.96 σ. */
export const COVERAGE_95 = 1.96;

/** Emission rows summed per factor (rows without a factor each stand alone), counted modules only. */
export interface FactorKg {
  /** The factor's id, or a row's own key when it has no factor. */
  key: string;
  factorId: string | null;
  module: ModuleKey;
  kgCo2eq: number;
  relativeUncertainty: number | null;
  label: string;
  source: string | null;
}

export interface FactorShare {
  factorId: string | null;
  module: ModuleKey;
  label: string;
  source: string | null;
  tonnesCo2eq: number;
  relativeUncertainty: number;
  basis: 'factor' | 'tag';
  sigmaTonnesCo2eq: number;
  /** σ_f² / σ_total²: the factor's share of the variance ("which input drives it"). */
  varianceShare: number;
}

export interface UncertaintyRange {
  sigmaTonnesCo2eq: number;
  halfWidth95TonnesCo2eq: number;
  low95TonnesCo2eq: number;
  high95TonnesCo2eq: number;
  /** Each module's own range: its factors only (a factor belongs to one module's submodule). */
  byModule: { module: ModuleKey; sigmaTonnesCo2eq: number; halfWidth95TonnesCo2eq: number }[];
  byFactor: FactorShare[];
}

/**
 * σ_total = √Σ_f (u_f · kg_f)²: rows sharing a factor move together (their kg add before the uncertainty applies),
 * different factors are independent (their variances add). u_f is the factor's own relative uncertainty, else
 * the module's tag default. Reported as total ± 1.96 σ, the low end never below 0.
 */
export function propagateUncertainty(totalTonnes: number, rows: readonly FactorKg[], tagOf: (module: ModuleKey) => UncertaintyTag, options: { top?: number } = {}): UncertaintyRange {
  const byKey = new Map<string, FactorKg>();
  for (const row of rows) {
    const seen = byKey.get(row.key);
    byKey.set(row.key, seen ? { ...seen, kgCo2eq: seen.kgCo2eq + row.kgCo2eq } : { ...row });
  }
  const shares = [...byKey.values()].map((f) => {
    const basis = f.relativeUncertainty === null ? ('tag' as const) : ('factor' as const);
    const u = f.relativeUncertainty ?? TAG_RELATIVE_UNCERTAINTY[tagOf(f.module)] ?? 0;
    const tonnes = f.kgCo2eq / 1000;
    return { factorId: f.factorId, module: f.module, label: f.label, source: f.source, tonnesCo2eq: tonnes, relativeUncertainty: u, basis, sigmaTonnesCo2eq: u * tonnes, varianceShare: 0 };
  });
  const variance = shares.reduce((s, f) => s + f.sigmaTonnesCo2eq ** 2, 0);
  const sigma = Math.sqrt(variance);
  for (const f of shares) f.varianceShare = variance > 0 ? f.sigmaTonnesCo2eq ** 2 / variance : 0;
  const moduleVariance = new Map<ModuleKey, number>();
  for (const f of shares) moduleVariance.set(f.module, (moduleVariance.get(f.module) ?? 0) + f.sigmaTonnesCo2eq ** 2);
  const half = COVERAGE_95 * sigma;
  return {
    sigmaTonnesCo2eq: sigma,
    halfWidth95TonnesCo2eq: half,
    low95TonnesCo2eq: Math.max(0, totalTonnes - half),
    high95TonnesCo2eq: totalTonnes + half,
    byModule: [...moduleVariance.entries()].map(([module, v]) => ({ module, sigmaTonnesCo2eq: Math.sqrt(v), halfWidth95TonnesCo2eq: COVERAGE_95 * Math.sqrt(v) })),
    byFactor: shares
      .filter((f) => f.sigmaTonnesCo2eq > 0)
      .sort((a, b) => b.varianceShare - a.varianceShare || b.tonnesCo2eq - a.tonnesCo2eq)
      .slice(0, options.top ?? 20),
  };
}
