import type { Entry } from '@co2/contracts';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection), at the start of a text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text: a leading formula character gets a `'` in front. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: numbers as they are (dot decimal), texts neutralised and quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralise(typeof value === 'string' ? value : JSON.stringify(value));
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The entries of a submodule as CSV: the contract's fields (the import template's columns), the note, the status and
 * the kg CO₂-eq of each row; UTF-8 with a BOM so spreadsheets read accents.
 */
export function entriesCsv(fields: readonly string[], entries: readonly Pick<Entry, 'data' | 'note' | 'status' | 'totalKgCo2eq'>[]): string {
  const header = [...fields, 'note', 'status', 'kg_co2eq'];
  const rows = entries.map((e) => [...fields.map((f) => e.data[f]), e.note, e.status, e.totalKgCo2eq].map(csvCell).join(','));
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
