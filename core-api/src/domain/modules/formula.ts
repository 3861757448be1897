import type { Scalar } from './types.js';

const num = (v: Scalar | undefined) => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/**
 * The reference's simple formula: `kg = quantity × values[formulaKey] × values[multiplierKey] (or its default)`.
 * `undefined` when the factor lacks the formula key.
 */
export function keyBasedKg(
  quantity: number,
  values: Record<string, Scalar>,
  formulaKey: string,
  multiplier?: { key: string; default: number },
): number | undefined {
  const ef = num(values[formulaKey]);
  if (ef === undefined) return undefined;
  const m = multiplier ? (num(values[multiplier.key]) ?? multiplier.default) : 1;
  return quantity * ef * m;
}
