/**
 * Reference-data imports (airports and stations, building rooms, the unit hierarchy, FX rates, price
 * indices): the formats, their templates and the job payload. The job itself is
 * `../jobs/reference-import.job.ts`; see README.md.
 */
import { buildingRooms } from './building-rooms.js';
import { fxRates } from './fx-rates.js';
import { locations } from './locations.js';
import { priceIndex } from './price-index.js';
import type { ReferenceFormat, ReferenceKind } from './types.js';
import { units } from './units.js';

export const REFERENCE_FORMATS: Record<ReferenceKind, ReferenceFormat> = {
  locations,
  'building-rooms': buildingRooms,
  units,
  'fx-rates': fxRates,
  'price-index': priceIndex,
};

export const referenceFormatOf = (kind: ReferenceKind): ReferenceFormat => REFERENCE_FORMATS[kind];

export const isReferenceKind = (kind: string): kind is ReferenceKind => kind in REFERENCE_FORMATS;

const quote = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
const line = (values: readonly string[]) => values.map(quote).join(',');

/**
 * The downloadable template of a kind: header (required columns first) and one example row, CRLF line ends,
 * with a UTF-8 byte-order mark by default so spreadsheet programs open accents right.
 */
export function referenceTemplate(kind: ReferenceKind, options: { bom?: boolean } = {}): string {
  const format = REFERENCE_FORMATS[kind];
  const columns = format.templateColumns({ mode: 'per-year' });
  const example = format.example({ mode: 'per-year' });
  return `${options.bom === false ? '' : '\uFEFF'}${line(columns)}\r\n${line(columns.map((c) => example[c] ?? ''))}\r\n`;
}

export const referenceTemplateFilename = (kind: ReferenceKind) => `reference-${kind}-template.csv`;

export { REFERENCE_KINDS, type ReferenceFormat, type ReferenceKind, type ReferenceRow, type ReferenceTable } from './types.js';
export { referenceImportPayload, YEARLY_KINDS, type ReferenceImportPayload } from './payload.js';
export { checkUnitTree, type ExistingUnit, type TreeCheck, type UnitNode } from './unit-tree.js';
export { rejectLate } from './late-rejections.js';
export { stationKey } from './locations.js';
export { MAX_UNIT_LEVEL } from './units.js';
