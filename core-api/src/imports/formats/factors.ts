import { SUBMODULE_KEYS, type SubmoduleKey } from '@co2/contracts';
import { findEmissionType } from '../../domain/modules/emission-types/index.js';
import { submoduleDefinition } from '../../domain/modules/registry.js';
import type { Scalar } from '../../domain/modules/types.js';
import { isBlankCell, numberCell, textCell } from '../cells.js';
import type { CellIssue } from '../report.js';
import { FACTOR_EXAMPLES } from './factor-examples.js';
import { PURCHASE_CATEGORIES } from './purchases.js';
import type { FormatContext, ImportFormat, RowParse } from './types.js';

/** One factor row of a factor file; the year comes from the import. Identity = submodule, emission type, classification. */
export interface FactorRow {
  submodule: SubmoduleKey;
  emissionType: string | null;
  classification: Record<string, Scalar>;
  values: Record<string, Scalar>;
  unit: string | null;
  source: string | null;
  /** Relative standard uncertainty (0.1 = 10 %), optional column `relative_uncertainty`; null: the year's module tag decides. */
  relativeUncertainty: number | null;
}

/** Columns that route a row of a module-wide factor file to its submodule. */
const ROUTING: Record<string, Record<string, SubmoduleKey>> = {
  equipment_category: { scientific: 'equipment/scientific', it: 'equipment/it', other: 'equipment/other' },
  purchase_category: PURCHASE_CATEGORIES,
};
const RESERVED = new Set(['emission_type', 'source', 'year', 'note', 'relative_uncertainty', ...Object.keys(ROUTING)]);
/** Above 1000 % a relative uncertainty is a typo, not a measure. */
const MAX_RELATIVE_UNCERTAINTY = 10;

function route(cells: Record<string, string>, ctx: FormatContext): SubmoduleKey | CellIssue {
  for (const [column, values] of Object.entries(ROUTING)) {
    const v = textCell(cells[column])?.toLowerCase();
    if (v === undefined) continue;
    return values[v] ?? { column, message: `must be one of ${Object.keys(values).join(', ')} (got "${v}")` };
  }
  return ctx.submodule ?? { message: 'the file does not say which submodule the factor is for (choose one when importing)' };
}

function parseFactor(cells: Record<string, string>, ctx: FormatContext): RowParse<FactorRow> {
  const routed = route(cells, ctx);
  if (typeof routed !== 'string') return { ok: false, issues: [routed] };
  const keys = new Set(submoduleDefinition(routed).lookupKeys);
  const issues: CellIssue[] = [];
  const row: FactorRow = { submodule: routed, emissionType: textCell(cells.emission_type) ?? null, classification: {}, values: {}, unit: null, source: textCell(cells.source) ?? null, relativeUncertainty: null };
  if (row.emissionType && !findEmissionType(row.emissionType)) issues.push({ column: 'emission_type', message: `is not a known emission type (got "${row.emissionType}")` });
  const uncertainty = numberCell('relative_uncertainty', cells.relative_uncertainty);
  if (!uncertainty.ok) issues.push(uncertainty.issue);
  else if (uncertainty.value !== undefined && (uncertainty.value < 0 || uncertainty.value > MAX_RELATIVE_UNCERTAINTY)) {
    issues.push({ column: 'relative_uncertainty', message: `must be between 0 and ${MAX_RELATIVE_UNCERTAINTY} (0.1 = 10 %; got "${cells.relative_uncertainty?.trim()}")` });
  } else row.relativeUncertainty = uncertainty.value ?? null;
  const year = numberCell('year', cells.year);
  if (!year.ok) issues.push(year.issue);
  else if (year.value !== undefined && ctx.year !== undefined && year.value !== ctx.year) issues.push({ column: 'year', message: `is ${year.value}, but the import is for ${ctx.year}` });

  for (const [column, raw] of Object.entries(cells)) {
    if (RESERVED.has(column) || isBlankCell(raw)) continue;
    const text = raw.trim();
    if (keys.has(column)) row.classification[column] = text;
    else if (column === 'unit') row.unit = text;
    else {
      const n = numberCell(column, text);
      if (n.ok && n.value !== undefined && n.value < 0) issues.push({ column, message: `must be ≥ 0 (got "${text}")` });
      row.values[column] = n.ok && n.value !== undefined ? n.value : text;
    }
  }
  if (!Object.values(row.values).some((v) => typeof v === 'number')) issues.push({ message: 'has no numeric factor value (e.g. ef_kg_co2eq_per_unit)' });
  if (Object.keys(row.classification).length === 0 && !row.emissionType) {
    issues.push({ message: `has no classification: fill at least one of ${[...keys].join(', ')} or emission_type` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: row, target: routed };
}

const sortedJson = (o: Record<string, Scalar>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, String(o[k]).toLowerCase()]));

/** Factor files of every submodule: classification columns are the submodule's lookup keys, the rest are values. */
export const factors: ImportFormat<FactorRow> = {
  id: 'factors',
  description: 'Emission factors of one year: classification columns (lookup keys) and value columns',
  targets: SUBMODULE_KEYS,
  requiredColumns: () => [],
  templateColumns: (ctx) => Object.keys(factors.example(ctx)),
  example: (ctx) => {
    const submodule = ctx.submodule ?? 'professional-travel/plane';
    const routing = Object.entries(ROUTING).find(([, values]) => Object.values(values).includes(submodule));
    const routeValue = routing && Object.entries(routing[1]).find(([, key]) => key === submodule)?.[0];
    const keys = Object.fromEntries(submoduleDefinition(submodule).lookupKeys.map((k) => [k, '']));
    return { ...(routing && routeValue ? { [routing[0]]: routeValue } : {}), ...keys, ...FACTOR_EXAMPLES[submodule], source: '', relative_uncertainty: '' };
  },
  parseRow: parseFactor,
  uniqueKey: (row) => ({
    key: `${row.submodule}\u0000${row.emissionType ?? ''}\u0000${sortedJson(row.classification)}`,
    column: Object.keys(row.classification)[0] ?? 'emission_type',
  }),
};
