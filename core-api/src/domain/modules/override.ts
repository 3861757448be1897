/** Column of a data CSV that carries a given kg CO2-eq instead of the formula. */
export const OVERRIDE_COLUMN = 'kg_co2eq';

export type OverrideParse = { ok: true; data: Record<string, unknown>; override: number | undefined } | { ok: false; message: string };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && ['', 'none', 'null', 'nan'].includes(v.trim().toLowerCase()));

/**
 * Takes a given kg CO2-eq out of a row, out of band: the entry's data never holds it (a stray value in the
 * data must not count), the override is stored beside it. 0 is a real override; blank means "compute".
 */
export function extractOverride(row: Record<string, unknown>, column = OVERRIDE_COLUMN): OverrideParse {
  const { [column]: raw, ...data } = row;
  if (isBlank(raw)) return { ok: true, data, override: undefined };
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(value) || value < 0) return { ok: false, message: `${column}: must be a number ≥ 0` };
  return { ok: true, data, override: value };
}
