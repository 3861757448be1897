import type { EmissionCategory, Scope } from './tree.js';

/** Energy uses of a room, in id order (60101 … 60105). */
export const ROOM_USES = ['lighting', 'cooling', 'ventilation', 'heating_elec', 'heating_thermal'] as const;
export type RoomUse = (typeof ROOM_USES)[number];

/** Room types, in id order (suffix 01 … 06). */
export const ROOM_TYPES = ['office', 'laboratories', 'archives', 'libraries', 'auditoriums', 'miscellaneous'] as const;
export type RoomTypeKey = (typeof ROOM_TYPES)[number];

export type RoomUseKey = `buildings__rooms__${RoomUse}`;
export type RoomLeafKey = `buildings__rooms__${RoomUse}__${RoomTypeKey}`;

/** Thermal heating burns fuel on site: scope 1, counted with combustion; the electric uses are scope 2. */
const scopeOf = (use: RoomUse): [Scope, EmissionCategory] =>
  use === 'heating_thermal' ? [1, 'buildings_energy_combustion'] : [2, 'buildings_room'];

export const ROOM_ROWS = ROOM_USES.flatMap((use, u) => {
  const [scope, category] = scopeOf(use);
  const useRow = [60101 + u, `buildings__rooms__${use}` as RoomUseKey, scope, category] as const;
  const leaves = ROOM_TYPES.map(
    (type, t) => [(60101 + u) * 100 + t + 1, `buildings__rooms__${use}__${type}` as RoomLeafKey, scope, category] as const,
  );
  return [useRow, ...leaves];
});

export const roomLeaf = (use: RoomUse, type: RoomTypeKey): RoomLeafKey => `buildings__rooms__${use}__${type}`;
