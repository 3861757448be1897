// Cell readers shared by the reference formats: each pushes a problem naming its column into the row's issue
// list and returns undefined, so a row reports every bad cell at once.
import { isBlankCell, numberCell, textCell } from '../cells.js';
import type { CellIssue } from '../report.js';

export type Cells = Record<string, string>;

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max)}…` : s);

export function text(cells: Cells, column: string, issues: CellIssue[], options: { required?: boolean; max?: number } = {}): string | undefined {
  const value = textCell(cells[column]);
  if (value === undefined) {
    if (options.required) issues.push({ column, message: 'is required' });
    return undefined;
  }
  const max = options.max ?? 200;
  if (value.length > max) {
    issues.push({ column, message: `is longer than ${max} characters` });
    return undefined;
  }
  return value;
}

export interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Strictly greater than `min`. */
  exclusiveMin?: boolean;
  integer?: boolean;
}

export function number(cells: Cells, column: string, issues: CellIssue[], rule: NumberRule = {}): number | undefined {
  const parsed = numberCell(column, cells[column]);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return undefined;
  }
  const value = parsed.value;
  const got = ` (got "${clip((cells[column] ?? '').trim())}")`;
  if (value === undefined) {
    if (rule.required) issues.push({ column, message: 'is required' });
    return undefined;
  }
  if (!Number.isFinite(value)) issues.push({ column, message: `must be a finite number${got}` });
  else if (rule.integer && !Number.isInteger(value)) issues.push({ column, message: `must be a whole number${got}` });
  else if (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) issues.push({ column, message: `must be ${rule.exclusiveMin ? '>' : '≥'} ${rule.min}${got}` });
  else if (rule.max !== undefined && value > rule.max) issues.push({ column, message: `must be ≤ ${rule.max}${got}` });
  else return value;
  return undefined;
}

/** A text matching a pattern after normalising its case (country and currency codes, IATA). */
export function code(cells: Cells, column: string, issues: CellIssue[], o: { pattern: RegExp; upper?: boolean; required?: boolean; expected: string }): string | undefined {
  const raw = textCell(cells[column]);
  if (raw === undefined) {
    if (o.required) issues.push({ column, message: 'is required' });
    return undefined;
  }
  const value = o.upper ? raw.toUpperCase() : raw.toLowerCase();
  if (!o.pattern.test(value)) {
    issues.push({ column, message: `must be ${o.expected} (got "${clip(raw)}")` });
    return undefined;
  }
  return value;
}

export function oneOf<T extends string>(cells: Cells, column: string, issues: CellIssue[], values: readonly T[], o: { required?: boolean } = {}): T | undefined {
  const raw = textCell(cells[column]);
  if (raw === undefined) {
    if (o.required) issues.push({ column, message: 'is required' });
    return undefined;
  }
  const value = raw.toLowerCase() as T;
  if (values.includes(value)) return value;
  issues.push({ column, message: `must be one of ${values.join(', ')} (got "${clip(raw)}")` });
  return undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'oui']);
const FALSE = new Set(['false', 'no', 'n', '0', 'non']);

export function boolean(cells: Cells, column: string, issues: CellIssue[]): boolean | undefined {
  if (isBlankCell(cells[column])) return undefined;
  const raw = (cells[column] ?? '').trim();
  const v = raw.toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  issues.push({ column, message: `must be true or false (got "${clip(raw)}")` });
  return undefined;
}

export const ISO_COUNTRY = { pattern: /^[A-Z]{2}$/, upper: true, expected: 'a two-letter ISO country code such as CH' } as const;
export const ISO_CURRENCY = { pattern: /^[a-z]{3}$/, upper: false, expected: 'a three-letter ISO currency code such as chf' } as const;

/**
 * The year of a yearly row: the row's own `year` cell, else the import's year; both given must agree.
 * Used by FX rates and price indices.
 */
export function rowYear(cells: Cells, importYear: number | undefined, issues: CellIssue[]): number | undefined {
  const own = number(cells, 'year', issues, { integer: true, min: 1900, max: 2200 });
  if (own !== undefined && importYear !== undefined && own !== importYear) {
    issues.push({ column: 'year', message: `is ${own}, but the import is for ${importYear}` });
    return undefined;
  }
  const year = own ?? importYear;
  if (year === undefined && !issues.some((i) => i.column === 'year')) issues.push({ column: 'year', message: 'is required (the import gives no year)' });
  return year;
}
