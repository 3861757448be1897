import type { SubmoduleKey } from '@co2/contracts';

/** Reference rows an entry needs before the (synchronous) engine runs. */
export interface ReferenceNeeds {
  airports: string[];
  stations: string[];
  rooms: { buildingName: string; roomName: string }[];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const present = (values: (string | undefined)[]) => values.filter((v): v is string => v !== undefined);

/** What to load for one entry's (validated) data. FX rates and price indices of the year are always loaded. */
export function referenceNeeds(submodule: SubmoduleKey, data: Record<string, unknown>): ReferenceNeeds {
  const needs: ReferenceNeeds = { airports: [], stations: [], rooms: [] };
  if (submodule === 'professional-travel/plane') needs.airports = present([text(data.origin_iata), text(data.destination_iata)]);
  if (submodule === 'professional-travel/train') needs.stations = present([text(data.origin_name), text(data.destination_name)]);
  const buildingName = text(data.building_name);
  const roomName = text(data.room_name);
  if (submodule === 'buildings/rooms' && buildingName && roomName) needs.rooms = [{ buildingName, roomName }];
  return needs;
}
