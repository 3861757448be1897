import type { SubmoduleKey } from '@co2/contracts';
import type { EntryResult } from '../modules/engine.js';
import { findSubmodule } from '../modules/registry.js';
import type { SubmoduleDefinition } from '../modules/types.js';
import type { CalculateEntry } from './calculate.js';

/** An entry the system derives from another one (embodied energy ← room), replaced on every write of its source. */
export interface DerivedWrite {
  submodule: SubmoduleKey;
  data: Record<string, unknown>;
  result: EntryResult;
}

/** The room's surface as the engine used it (every room emission row carries `surface_m2`). */
const surfaceOf = (result: EntryResult) => {
  const surface = result.emissions[0]?.inputs.surface_m2;
  return typeof surface === 'number' && Number.isFinite(surface) && surface >= 0 ? surface : undefined;
};

/** The data of the embodied-energy entry a room derives; null when the room's surface is not known (none). */
export function embodiedEnergyData(roomEntryId: string, roomData: Record<string, unknown>, result: EntryResult): Record<string, unknown> | null {
  const surface = surfaceOf(result);
  return surface === undefined ? null : { room_entry_id: roomEntryId, building_name: String(roomData.building_name), room_surface_square_meter: surface };
}

/**
 * The derived entries of an entry: a room whose surface is known derives one embodied-energy entry
 * `{ room_entry_id, building_name, room_surface_square_meter }` (reference: EmbodiedEnergyWorkflow). `undefined`
 * for submodules that derive nothing; `[]` when a room has no known surface (its previous derived entry goes).
 */
export function createDeriveEntries(deps: { calculate: CalculateEntry }) {
  return async (definition: SubmoduleDefinition, id: string, data: Record<string, unknown>, result: EntryResult, year: number): Promise<DerivedWrite[] | undefined> => {
    if (definition.key !== 'buildings/rooms') return undefined;
    const derivedData = embodiedEnergyData(id, data, result);
    const embodied = findSubmodule('buildings', 'embodied-energy');
    if (!derivedData || !embodied) return [];
    return [{ submodule: embodied.key, data: derivedData, result: await deps.calculate(embodied, derivedData, year) }];
  };
}
export type DeriveEntries = ReturnType<typeof createDeriveEntries>;
