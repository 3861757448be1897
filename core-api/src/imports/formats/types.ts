import type { SubmoduleKey } from '@co2/contracts';
import type { ReferenceKind } from '../lookups.js';
import type { CellIssue } from '../report.js';

/**
 * per-year: the back office loads one year for every unit (a `unit_institutional_id` column routes rows;
 * the job replaces the year's imported rows). unit-specific: a principal appends rows to their own unit
 * (no unit column; one given by the caller).
 */
export type ImportMode = 'per-year' | 'unit-specific';

export interface FormatContext {
  mode: ImportMode;
  /** The target the caller chose, for formats whose rows do not name it (e.g. one purchases category). */
  submodule?: SubmoduleKey;
  /** The year of the import (factor files). */
  year?: number;
}

/** A database-backed check of one cell; `onMissing` decides between rejecting the row and a notice. */
export interface ReferenceCheck {
  kind: ReferenceKind;
  key: string;
  column: string;
  /** The cell value(s) as the file gave them, for the message. */
  value: string;
  label: string;
  onMissing: 'reject' | 'notice';
}

export type RowParse<T> = { ok: true; value: T; target: string } | { ok: false; issues: CellIssue[] };

/** One import format: its columns, and how one CSV row becomes a typed, validated value. */
export interface ImportFormat<T> {
  id: string;
  description: string;
  /** Targets this format can write (submodule keys, or `factors:<submodule>`). */
  targets: readonly SubmoduleKey[];
  /** Columns the header must have for the given mode. */
  requiredColumns(ctx: FormatContext): string[];
  /** Every column the format reads, in template order (required first). */
  templateColumns(ctx: FormatContext): string[];
  /** An example row for the downloadable template, by column. */
  example(ctx: FormatContext): Record<string, string>;
  /** A hint shown with missing columns (e.g. a legacy header the format no longer accepts). */
  missingColumnsHint?: (present: readonly string[]) => string | undefined;
  parseRow(cells: Record<string, string>, ctx: FormatContext): RowParse<T>;
  /** Values that must be unique within the file (e.g. a member's id per unit), with the column to blame. */
  uniqueKey?: (value: T) => { key: string; column: string } | undefined;
  /** Reference lookups for one parsed row, resolved per batch. */
  references?: (value: T, ctx: FormatContext, options: { unknownLocation: 'reject' | 'notice' }) => ReferenceCheck[];
}
