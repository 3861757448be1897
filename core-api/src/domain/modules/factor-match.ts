import type { SubmoduleKey } from '@co2/contracts';
import type { Factor, FactorsLookup, Scalar } from './types.js';

const norm = (v: Scalar | undefined): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim().toLowerCase();
  return s === '' ? null : s;
};

/** Same classification value, ignoring case and surrounding spaces; absent, null and '' are the same. */
export const sameValue = (a: Scalar | undefined, b: Scalar | undefined) => norm(a) === norm(b);

/** Factors whose classification has every key of `pattern` with the same value (`null` = key absent). */
export function matchFactors(factors: readonly Factor[], pattern: Record<string, Scalar | undefined>): Factor[] {
  const entries = Object.entries(pattern);
  return factors.filter((f) => entries.every(([k, v]) => sameValue(f.classification[k], v)));
}

/** The first pattern that matches at least one factor wins (exact keys first, then fallbacks). */
export function firstMatch(factors: readonly Factor[], patterns: Record<string, Scalar | undefined>[]): Factor[] {
  for (const pattern of patterns) {
    const found = matchFactors(factors, pattern);
    if (found.length > 0) return found;
  }
  return [];
}

/** A number from a factor's values, or `undefined` when absent or not a finite number. */
export function numberValue(factor: Factor, key: string): number | undefined {
  const v = factor.values[key];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function textValue(factor: Factor, key: string): string | undefined {
  const v = factor.values[key] ?? factor.classification[key];
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

/** An in-memory lookup over one year's factors (the use cases load them; tests build them by hand). */
export function inMemoryFactors(factors: readonly Factor[], year: number): FactorsLookup {
  const bySubmodule = new Map<SubmoduleKey, Factor[]>();
  for (const f of factors) {
    if (f.year !== year) continue;
    bySubmodule.set(f.submodule, [...(bySubmodule.get(f.submodule) ?? []), f]);
  }
  return { factorsFor: (submodule) => bySubmodule.get(submodule) ?? [] };
}
