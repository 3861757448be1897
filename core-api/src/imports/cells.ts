import type { ZodError } from 'zod';
import type { CellIssue } from './report.js';

/** A decimal number as people type it in CSVs: `12`, `-3.5`, `.5`, `1e3`, surrounding spaces allowed. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const isBlankCell = (v: string | undefined) => v === undefined || v.trim() === '';

const numberHint = (text: string) =>
  /^[+-]?\d+,\d+$/.test(text) ? ' with a dot as decimal separator' : /^[+-]?\d{1,3}(['’ ]\d{3})+(\.\d+)?$/.test(text) ? ' without thousands separators' : '';

export type CellParse<T> = { ok: true; value: T | undefined } | { ok: false; issue: CellIssue };

/** A blank cell is `undefined` (so schema defaults apply); text in a number column is an issue naming it. */
export function numberCell(column: string, raw: string | undefined): CellParse<number> {
  if (isBlankCell(raw)) return { ok: true, value: undefined };
  const text = (raw ?? '').trim();
  if (!NUMBER.test(text)) return { ok: false, issue: { column, message: `must be a number${numberHint(text)} (got "${clip(text)}")` } };
  return { ok: true, value: Number(text) };
}

export const textCell = (raw: string | undefined): string | undefined => (isBlankCell(raw) ? undefined : (raw ?? '').trim());

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max)}…` : s);

type Issue = ZodError['issues'][number];

function describe(issue: Issue, raw: string | undefined): string {
  const got = raw === undefined || raw.trim() === '' ? '' : ` (got "${clip(raw.trim())}")`;
  switch (issue.code) {
    case 'invalid_type':
      return raw === undefined || raw.trim() === '' ? 'is required' : `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}${got}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}${got}`;
    case 'too_small':
      if (issue.origin === 'string') return raw === undefined || raw.trim() === '' ? 'is required' : `is too short${got}`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}${got}`;
    case 'too_big':
      return issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}${got}`;
    case 'invalid_format':
      return issue.format === 'date' ? `must be a date YYYY-MM-DD${got}` : `${issue.message}${got}`;
    default:
      return `${issue.message}${got}`;
  }
}

/** Zod issues of a row's data as cell issues naming the column, with the cell's text quoted. */
export function zodIssues(error: ZodError, cells: Record<string, string>, columnOf: (key: string) => string = (k) => k): CellIssue[] {
  return error.issues.map((issue) => {
    const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const column = key === undefined ? undefined : columnOf(key);
    return { ...(column ? { column } : {}), message: describe(issue, column ? cells[column] : undefined) };
  });
}
