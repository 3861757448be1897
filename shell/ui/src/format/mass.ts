import { formatFigure, NBSP } from './number.js';

/** Below this many kg a mass reads in kg, from it on in tonnes (what rounds to 1,000 kg is already 1 t). */
const TONNE_THRESHOLD_KG = 999.5;

/** An emission in kg CO₂e, in kg or t by magnitude: `850 kg`, `12.5 kg`, `10.4 t`, `12,345 t`. */
export function formatKg(kg: number, locale: string): string {
  return Math.abs(kg) < TONNE_THRESHOLD_KG ? `${formatFigure(kg, locale)}${NBSP}kg` : formatTonnes(kg / 1000, locale);
}

/** A mass already in tonnes: three significant digits below 1,000 t (`10.4 t`), whole tonnes above. */
export function formatTonnes(tonnes: number, locale: string): string {
  return `${formatFigure(tonnes, locale)}${NBSP}t`;
}
