/** A unit as the domain sees it (same shape as the `Unit` contract). */
export interface Unit {
  id: string;
  code: string;
  name: string;
  nameFr: string;
  nameDe: string | null;
  level: number;
  parentCode: string | null;
  /** Ancestor codes, root first, ending with the unit's own code. */
  path: string[];
  active: boolean;
}

/** Which units a query covers: everything, or given units plus whole subtrees. */
export type UnitScope = { kind: 'all' } | { kind: 'some'; codes: string[]; subtreeRoots: string[] };

export interface UnitFilter {
  level?: number;
  /** Inactive units are left out unless asked for. */
  includeInactive?: boolean;
  /** Only this unit and its descendants. */
  under?: string;
}

/** A unit to create or update by code; the parent must come earlier in the same batch or exist already. */
export interface UnitDraft {
  code: string;
  name: string;
  nameFr: string;
  nameDe: string | null;
  parentCode: string | null;
  level: number;
  path: string[];
}
