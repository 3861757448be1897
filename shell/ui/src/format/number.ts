import { intlLocale } from './locale.js';

/** No-break space between a figure and its unit, so `850 kg` never wraps. */
export const NBSP = '\u00a0';

export interface NumberOptions {
  maximumFractionDigits?: number;
}

/** `1234.5` → `1,234.5` (en), `1 234,5` (fr), `1.234,5` (de); at most 2 decimals unless told. */
export function formatNumber(value: number, locale: string, options: NumberOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: options.maximumFractionDigits ?? 2 }).format(value);
}

/** Three significant digits below 1,000 (`12.5`, `850`, `0.042`), whole numbers above (`12,345`). */
export function formatFigure(value: number, locale: string): string {
  const options: Intl.NumberFormatOptions = Math.abs(value) < 999.5 ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 0 };
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** A share as a percentage: `0.125` → `12.5%`; `signed` adds `+` to gains (`+12.5%`, `−3%`, `0%`). */
export function formatPercent(share: number, locale: string, options: { signed?: boolean; maximumFractionDigits?: number } = {}): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: options.maximumFractionDigits ?? 1,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(share);
}

/** A distance: one decimal below 100 km (`12.5 km`), whole kilometres above (`1,234 km`). */
export function formatKm(km: number, locale: string): string {
  return `${formatNumber(km, locale, { maximumFractionDigits: Math.abs(km) < 100 ? 1 : 0 })}${NBSP}km`;
}
