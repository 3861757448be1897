import { decimalSeparator } from '../format/locale.js';

/** The data sent to the contract: blank texts count as absent. */
export function cleanData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !(value === undefined || (typeof value === 'string' && value.trim() === ''))));
}

/** A number as a user edits it: the locale's decimal separator, no grouping (`1,5` in fr/de). */
export function editableNumber(value: unknown, locale: string): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value).replace('.', decimalSeparator(locale)) : '';
}

/** The first key of a zod issue path, as a field name. */
export function pathField(path: readonly PropertyKey[]): string | null {
  const key = path[0];
  return typeof key === 'string' ? key : typeof key === 'number' ? String(key) : null;
}
