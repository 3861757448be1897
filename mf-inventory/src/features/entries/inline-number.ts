import { formatNumber, parseLocaleNumber } from '@co2/ui';

export { parseLocaleNumber };

/** A number as the inline editor shows it (the locale's format; empty when absent). */
export function editableNumberText(value: unknown, locale: string): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, locale) : '';
}
