import { ROOM_ROWS, type RoomLeafKey, type RoomUseKey } from './rooms.js';
import { ADDITIONAL_CATEGORIES, BASE_ROWS, RECYCLING_ROWS, type EmissionCategory, type RecyclingKey, type Scope } from './tree.js';

export * from './rooms.js';
export * from './tree.js';

export type EmissionTypeKey = (typeof BASE_ROWS)[number][1] | RecyclingKey | RoomUseKey | RoomLeafKey;

export interface EmissionType {
  id: number;
  key: EmissionTypeKey;
  parent: EmissionTypeKey | null;
  /** GHG scope; `null` for roll-up nodes whose children differ (never summed). */
  scope: Scope | null;
  category: EmissionCategory | null;
  /** Counted beside the module totals (commuting, food, waste, embodied energy). */
  additional: boolean;
  leaf: boolean;
}

const rows = [...BASE_ROWS, ...RECYCLING_ROWS, ...ROOM_ROWS] as readonly (readonly [number, EmissionTypeKey, Scope | null, EmissionCategory | null])[];
const parentOf = (key: string) => (key.includes('__') ? key.slice(0, key.lastIndexOf('__')) : null);
const parents = new Set(rows.map(([, key]) => parentOf(key)));

export const EMISSION_TYPES: readonly EmissionType[] = rows.map(([id, key, scope, category]) => ({
  id,
  key,
  parent: parentOf(key) as EmissionTypeKey | null,
  scope,
  category,
  additional: category !== null && ADDITIONAL_CATEGORIES.includes(category),
  leaf: !parents.has(key),
}));

const byKey = new Map(EMISSION_TYPES.map((t) => [t.key as string, t]));
const byId = new Map(EMISSION_TYPES.map((t) => [t.id, t]));

export function emissionType(key: EmissionTypeKey): EmissionType {
  const found = byKey.get(key);
  if (!found) throw new Error(`unknown emission type ${key}`);
  return found;
}

export const findEmissionType = (key: string): EmissionType | undefined => byKey.get(key);
export const emissionTypeById = (id: number): EmissionType | undefined => byId.get(id);

/** True when `key` is `ancestor` or below it. */
export const isWithin = (key: string, ancestor: string) => key === ancestor || key.startsWith(`${ancestor}__`);
