import type { FormatContext, ImportFormat, RowParse } from '../formats/types.js';
import type { CellIssue } from '../report.js';
import type { Cells } from './cells.js';

export const REFERENCE_KINDS = ['locations', 'building-rooms', 'units', 'fx-rates', 'price-index'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The database tables a reference import writes (a row's `target`). */
export type ReferenceTable = 'airports' | 'train_stations' | 'building_rooms' | 'units' | 'fx_rates' | 'price_indices';

/** A validated row, keyed by the target table's column names (staged and upserted as is). */
export type ReferenceRow = Record<string, string | number | boolean | null>;

/** An import format for reference data: rows go to tables, not submodules (`targets` stays empty). */
export interface ReferenceFormat extends ImportFormat<ReferenceRow> {
  kind: ReferenceKind;
  tables: readonly ReferenceTable[];
}

/** Builds a format from a row parser that collects issues; the row's target is the table it goes to. */
export function referenceFormat(spec: {
  kind: ReferenceKind;
  description: string;
  tables: readonly ReferenceTable[];
  requiredColumns: (ctx: FormatContext) => string[];
  optionalColumns: readonly string[];
  example: Record<string, string>;
  parse: (cells: Cells, ctx: FormatContext, issues: CellIssue[]) => { table: ReferenceTable; row: ReferenceRow } | undefined;
  /** The natural key of the row's table, compared within the file (a second row with it is rejected). */
  uniqueKey: (row: ReferenceRow) => { key: string; column: string };
}): ReferenceFormat {
  return {
    id: spec.kind,
    kind: spec.kind,
    tables: spec.tables,
    description: spec.description,
    targets: [],
    requiredColumns: spec.requiredColumns,
    // Templates always carry every column (year included), so one template fits imports with or without a year.
    templateColumns: () => [...spec.requiredColumns({ mode: 'per-year' }), ...spec.optionalColumns],
    example: () => spec.example,
    parseRow(cells, ctx): RowParse<ReferenceRow> {
      const issues: CellIssue[] = [];
      const parsed = spec.parse(cells, ctx, issues);
      if (!parsed || issues.length > 0) return { ok: false, issues: issues.length > 0 ? issues : [{ message: 'is not valid' }] };
      return { ok: true, value: parsed.row, target: parsed.table };
    },
    uniqueKey: spec.uniqueKey,
  };
}
