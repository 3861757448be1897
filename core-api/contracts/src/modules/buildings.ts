import { z } from '../zod.js';
import { Amount, Label, lowerEnum } from './common.js';

export const RoomType = lowerEnum(['office', 'laboratories', 'archives', 'libraries', 'auditoriums', 'miscellaneous'] as const);
export type RoomType = z.infer<typeof RoomType>;

/** buildings/rooms: a room used by the unit; its surface comes from the building-rooms reference. */
export const RoomData = z
  .strictObject({
    building_name: Label(),
    room_name: Label(),
    room_type: RoomType,
    room_allocation_ratio: z.number().finite().min(0).max(1).optional(),
  })
  .openapi('RoomData');
export type RoomData = z.infer<typeof RoomData>;

/** buildings/combustion: fuel burnt on site (natural gas, heating oil, pellets…). */
export const CombustionData = z
  .strictObject({
    name: Label(),
    unit: z.string().trim().max(32).optional(),
    quantity: Amount,
  })
  .openapi('CombustionData');
export type CombustionData = z.infer<typeof CombustionData>;

/** buildings/embodied-energy: derived from a room entry (never entered by hand). */
export const EmbodiedEnergyData = z
  .strictObject({
    room_entry_id: z.string().uuid(),
    building_name: Label(),
    room_surface_square_meter: Amount,
  })
  .openapi('EmbodiedEnergyData');
export type EmbodiedEnergyData = z.infer<typeof EmbodiedEnergyData>;
