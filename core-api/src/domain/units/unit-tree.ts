import type { UnitDraft } from './unit.js';

export interface UnitNode {
  code: string;
  parentCode: string | null;
  name: string;
  nameFr: string;
  nameDe: string | null;
}

/**
 * Computes level and path of each node from its parent and orders parents first. Throws on unknown parents,
 * cycles or trees deeper than four levels.
 */
export function toUnitDrafts(nodes: readonly UnitNode[]): UnitDraft[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const paths = new Map<string, string[]>();
  const pathOf = (code: string, seen: Set<string>): string[] => {
    const known = paths.get(code);
    if (known) return known;
    const node = byCode.get(code);
    if (!node) throw new Error(`unknown parent unit "${code}"`);
    if (seen.has(code)) throw new Error(`cycle in the unit tree at "${code}"`);
    seen.add(code);
    const path = node.parentCode === null ? [code] : [...pathOf(node.parentCode, seen), code];
    if (path.length > 4) throw new Error(`unit "${code}" is deeper than level 4`);
    paths.set(code, path);
    return path;
  };
  return nodes
    .map((n) => {
      const path = pathOf(n.code, new Set());
      return { ...n, level: path.length, path };
    })
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}
