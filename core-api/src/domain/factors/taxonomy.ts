import type { Taxonomy } from '@co2/contracts';
import type { Factor, Scalar } from '../modules/types.js';

const MAX_CLASSIFICATIONS = 2000;
const compare = (a: Scalar, b: Scalar) => String(a).localeCompare(String(b), 'en', { numeric: true });

/** Distinct classification values per key and distinct classifications of a submodule's factors of one year. */
export function buildTaxonomy(year: number, submodule: string, factors: readonly Factor[]): Taxonomy {
  const fields = new Map<string, Set<string | number | boolean>>();
  const seen = new Map<string, Record<string, Scalar>>();
  for (const f of factors) {
    for (const [key, value] of Object.entries(f.classification)) {
      if (value === null || value === undefined || value === '') continue;
      fields.set(key, (fields.get(key) ?? new Set()).add(value));
    }
    const sorted = Object.fromEntries(Object.entries(f.classification).sort(([a], [b]) => a.localeCompare(b)));
    seen.set(JSON.stringify(sorted), sorted);
  }
  const classifications = [...seen.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).slice(0, MAX_CLASSIFICATIONS).map(([, c]) => c);
  return {
    year,
    submodule,
    fields: Object.fromEntries([...fields.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort(compare)])),
    classifications,
  };
}
