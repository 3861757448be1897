import { entryDataSchemas, type SubmoduleKey } from '@co2/contracts';
import { extractOverride, OVERRIDE_COLUMN } from '../../domain/modules/override.js';
import { numberCell, textCell, zodIssues } from '../cells.js';
import type { CellIssue } from '../report.js';
import type { FormatContext, ImportFormat, ReferenceCheck, RowParse } from './types.js';

export const UNIT_COLUMN = 'unit_institutional_id';
export const NOTE_COLUMN = 'note';

/** One entry row ready for the engine: validated data of a submodule, plus what lives beside the data. */
export interface DataRow {
  submodule: SubmoduleKey;
  /** Per-year files: the unit the row belongs to. */
  unitInstitutionalId?: string;
  data: Record<string, unknown>;
  note?: string;
  /** A given kg CO2-eq that replaces the formula (`kg_co2eq` column). */
  kgCo2eqOverride?: number;
}

/** A column of the entry data: its CSV name is the data key; `ignored` columns are in templates only. */
export interface ColumnSpec {
  name: string;
  kind?: 'text' | 'number' | 'ignored';
  /** The header must have it (a blank value is then the schema's business). */
  required?: boolean;
}

export interface DataFormatSpec {
  id: string;
  description: string;
  targets: readonly SubmoduleKey[];
  columns: readonly ColumnSpec[];
  /** A column whose value picks the submodule (e.g. `equipment_category`); blank → the caller's choice. */
  routing?: { column: string; values: Record<string, SubmoduleKey> };
  example: Record<string, string>;
  unique?: (row: DataRow) => { key: string; column: string } | undefined;
  references?: (row: DataRow, onMissing: 'reject' | 'notice') => ReferenceCheck[];
  missingColumnsHint?: (present: readonly string[]) => string | undefined;
}

function routeRow(spec: DataFormatSpec, cells: Record<string, string>, ctx: FormatContext): SubmoduleKey | CellIssue {
  const routed = spec.routing && textCell(cells[spec.routing.column])?.toLowerCase();
  if (spec.routing && routed !== undefined) {
    const target = spec.routing.values[routed];
    if (target) return target;
    return { column: spec.routing.column, message: `must be one of ${Object.keys(spec.routing.values).join(', ')} (got "${routed}")` };
  }
  if (ctx.submodule) return ctx.submodule;
  if (spec.targets.length === 1 && spec.targets[0]) return spec.targets[0];
  const message = `is required: the file does not say which of ${spec.targets.join(', ')} the row is for`;
  return spec.routing ? { column: spec.routing.column, message } : { message };
}

function parseRow(spec: DataFormatSpec, cells: Record<string, string>, ctx: FormatContext): RowParse<DataRow> {
  const issues: CellIssue[] = [];
  const routed = routeRow(spec, cells, ctx);
  const submodule = typeof routed === 'string' ? routed : undefined;
  if (typeof routed !== 'string') issues.push(routed);
  const unitInstitutionalId = ctx.mode === 'per-year' ? textCell(cells[UNIT_COLUMN]) : undefined;
  if (ctx.mode === 'per-year' && unitInstitutionalId === undefined) issues.push({ column: UNIT_COLUMN, message: 'is required' });

  const data: Record<string, unknown> = {};
  for (const col of spec.columns) {
    if (col.kind === 'ignored') continue;
    if (col.kind === 'number') {
      const parsed = numberCell(col.name, cells[col.name]);
      if (!parsed.ok) issues.push(parsed.issue);
      else if (parsed.value !== undefined) data[col.name] = parsed.value;
    } else {
      const text = textCell(cells[col.name]);
      if (text !== undefined) data[col.name] = text;
    }
  }
  const override = extractOverride({ [OVERRIDE_COLUMN]: cells[OVERRIDE_COLUMN] });
  if (!override.ok) issues.push({ column: OVERRIDE_COLUMN, message: `must be a number ≥ 0${cells[OVERRIDE_COLUMN] ? ` (got "${cells[OVERRIDE_COLUMN].trim()}")` : ''}` });

  if (submodule) {
    const numberIssues = new Set(issues.map((i) => i.column));
    const result = entryDataSchemas[submodule].safeParse(data);
    // A cell already reported as not-a-number is not reported again as "required".
    if (!result.success) issues.push(...zodIssues(result.error, cells).filter((i) => !numberIssues.has(i.column)));
    else if (issues.length === 0) {
      const value: DataRow = { submodule, data: result.data as Record<string, unknown> };
      if (unitInstitutionalId !== undefined) value.unitInstitutionalId = unitInstitutionalId;
      const note = textCell(cells[NOTE_COLUMN]);
      if (note !== undefined) value.note = note;
      if (override.ok && override.override !== undefined) value.kgCo2eqOverride = override.override;
      return { ok: true, value, target: submodule };
    }
  }
  return { ok: false, issues };
}

/** Builds an entry-data import format from its columns; the submodule's zod schema does the validation. */
export function dataFormat(spec: DataFormatSpec): ImportFormat<DataRow> {
  const own = spec.columns.map((c) => c.name);
  return {
    id: spec.id,
    description: spec.description,
    targets: spec.targets,
    requiredColumns: (ctx) => [...(ctx.mode === 'per-year' ? [UNIT_COLUMN] : []), ...spec.columns.filter((c) => c.required).map((c) => c.name)],
    templateColumns: (ctx) =>
      ctx.mode === 'per-year'
        ? [UNIT_COLUMN, ...own, ...(spec.routing ? [spec.routing.column] : []), NOTE_COLUMN, OVERRIDE_COLUMN]
        : [...own, ...(spec.routing ? [spec.routing.column] : []), NOTE_COLUMN],
    example: (ctx) => ({ ...(ctx.mode === 'per-year' ? { [UNIT_COLUMN]: '10208' } : {}), ...spec.example }),
    missingColumnsHint: spec.missingColumnsHint,
    parseRow: (cells, ctx) => parseRow(spec, cells, ctx),
    uniqueKey: spec.unique,
    references: (row, ctx, options) => [
      ...(ctx.mode === 'per-year' && row.unitInstitutionalId
        ? [{ kind: 'unit' as const, key: row.unitInstitutionalId, column: UNIT_COLUMN, value: row.unitInstitutionalId, label: 'unit', onMissing: 'reject' as const }]
        : []),
      ...(spec.references?.(row, options.unknownLocation) ?? []),
    ],
  };
}
