import { unitCodesOf, unitName, type Locale } from '@co2/shell-sdk';
import type { Unit } from '@co2/contracts';
import type { LayoutArea } from './layout.js';

/** One row of the unit picker: a lab to choose, or (disabled) a faculty/institute heading it sits under. */
export interface UnitOption {
  value: string;
  label: string;
  /** Names of the visible faculty/institute above the lab, for search and as a caption. */
  parents: string;
  /** Codes of the headings above this row. */
  ancestors: string[];
  depth: number;
  header: boolean;
}

/** Labs (level 4) an area offers: the user's own units (data entry) or every lab they may see. */
export function areaUnits(area: Pick<LayoutArea, 'units'>, units: readonly Unit[], roles: readonly string[]): Unit[] {
  const labs = units.filter((u) => u.level === 4);
  if (area.units === 'visible') return labs;
  const own = new Set(unitCodesOf(roles));
  return labs.filter((u) => own.has(u.code));
}

/**
 * The picker's rows as a tree in path order: each lab under the visible units above it (shown as headings),
 * labelled "Name (CODE)" in the user's language. Unit lists are already ordered by path.
 */
export function unitOptions(labs: readonly Unit[], all: readonly Unit[], locale: Locale): UnitOption[] {
  const byCode = new Map(all.map((u) => [u.code, u]));
  const rows: UnitOption[] = [];
  const headed = new Set<string>();
  for (const lab of labs) {
    const ancestors = lab.path.slice(0, -1).map((code) => byCode.get(code)).filter((u): u is Unit => !!u && u.level > 1);
    ancestors.forEach((unit, depth) => {
      if (headed.has(unit.code)) return;
      headed.add(unit.code);
      const above = ancestors.slice(0, depth).map((u) => u.code);
      rows.push({ value: unit.code, label: `${unitName(unit, locale)} (${unit.code})`, parents: '', ancestors: above, depth, header: true });
    });
    const parents = ancestors.map((u) => unitName(u, locale)).join(' › ');
    rows.push({ value: lab.code, label: `${unitName(lab, locale)} (${lab.code})`, parents, ancestors: ancestors.map((u) => u.code), depth: ancestors.length, header: false });
  }
  return rows;
}

/** Rows matching a search (accent- and case-insensitive on name, code and parents), with the headings they need. */
export function filterUnitOptions(rows: readonly UnitOption[], search: string): UnitOption[] {
  const needle = normalise(search);
  if (!needle) return [...rows];
  const matches = rows.filter((r) => !r.header && normalise(`${r.label} ${r.parents}`).includes(needle));
  const keep = new Set(matches.flatMap((r) => [r.value, ...r.ancestors]));
  return rows.filter((r) => keep.has(r.value));
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
