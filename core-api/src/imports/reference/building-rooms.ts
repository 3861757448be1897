// The institution's rooms: natural key (building_name, room_name); the rooms module reads their surface.
import { number, text } from './cells.js';
import { referenceFormat } from './types.js';

export const buildingRooms = referenceFormat({
  kind: 'building-rooms',
  description: 'Rooms of the buildings with their type and surface (m²)',
  tables: ['building_rooms'],
  // The reference lists the surface as optional, but every room needs one (the rooms module computes with it
  // and the table refuses NULL): without the column every row would fail, so the header must have it.
  requiredColumns: () => ['building_location', 'building_name', 'room_name', 'room_surface_square_meter'],
  optionalColumns: ['room_type'],
  example: { building_location: 'ECUBLENS', building_name: 'BC', room_name: 'BC 410', room_surface_square_meter: '24.5', room_type: 'office' },
  parse(cells, _ctx, issues) {
    const location = text(cells, 'building_location', issues, { required: true });
    const building = text(cells, 'building_name', issues, { required: true });
    const room = text(cells, 'room_name', issues, { required: true });
    const roomType = text(cells, 'room_type', issues) ?? null;
    const surface = number(cells, 'room_surface_square_meter', issues, { required: true, min: 0 });
    if (!location || !building || !room || surface === undefined) return undefined;
    return { table: 'building_rooms', row: { building_location: location, building_name: building, room_name: room, room_type: roomType, surface_m2: surface } };
  },
  // The database key is exact; in the file, "BC 410" and "bc 410" are the same room (the data import's room
  // lookup ignores case), so the second is refused rather than becoming a twin.
  uniqueKey: (row) => ({ key: `${String(row.building_name).toLowerCase()}\u0000${String(row.room_name).toLowerCase()}`, column: 'room_name' }),
});
