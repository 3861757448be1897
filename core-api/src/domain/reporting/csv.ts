/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted (quotes doubled); text starting with `=`, `+`,
 * `-`, `@`, tab or CR is prefixed with `'` so spreadsheets never run it as a formula. Numbers are written as is.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const toCsv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
