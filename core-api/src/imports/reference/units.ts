// The unit hierarchy, one row per unit with its parent's code. Rows are checked one by one here; the tree as a
// whole (parents anywhere in the file or already in the database, cycles, depth) is checked by unit-tree.ts
// once the whole file has been read.
import { boolean, number, text } from './cells.js';
import { referenceFormat } from './types.js';

/** 1 university → 2 faculty → 3 institute → 4 lab (the units table's check). */
export const MAX_UNIT_LEVEL = 4;

export const units = referenceFormat({
  kind: 'units',
  description: 'The unit hierarchy: code, names, parent code (blank for the root), optional level and active flag',
  tables: ['units'],
  // `parent_code` is required as a column (blank = root) so that a misnamed column does not silently make
  // every unit a root.
  requiredColumns: () => ['code', 'name', 'parent_code'],
  optionalColumns: ['name_fr', 'name_de', 'level', 'active'],
  example: { code: 'EPFL', name: 'EPFL', parent_code: '', name_fr: 'EPFL', name_de: '', level: '1', active: 'true' },
  parse(cells, _ctx, issues) {
    const code = text(cells, 'code', issues, { required: true, max: 64 });
    const name = text(cells, 'name', issues, { required: true, max: 300 });
    const parent = text(cells, 'parent_code', issues, { max: 64 }) ?? null;
    const level = number(cells, 'level', issues, { integer: true, min: 1, max: MAX_UNIT_LEVEL }) ?? null;
    const row = {
      name_fr: text(cells, 'name_fr', issues, { max: 300 }) ?? name ?? null,
      name_de: text(cells, 'name_de', issues, { max: 300 }) ?? null,
      // Blank (or no column): an existing unit keeps its flag, a new one is active.
      active: boolean(cells, 'active', issues) ?? null,
    };
    if (code !== undefined && parent === code) issues.push({ column: 'parent_code', message: `is the unit itself ("${code}")` });
    if (code === undefined || name === undefined) return undefined;
    return { table: 'units', row: { code, name, parent_code: parent, level, ...row } };
  },
  uniqueKey: (row) => ({ key: String(row.code), column: 'code' }),
});
