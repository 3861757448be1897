import type { CombustionData, EmbodiedEnergyData, RoomData } from '@co2/contracts';
import { firstMatch, matchFactors } from '../factor-match.js';
import { slug } from '../text.js';
import { fail, ok, type ComputeContext, type Factor, type Outcome } from '../types.js';

/** The room's surface comes from the building-rooms reference. */
export function prepareRoom(input: RoomData, ctx: ComputeContext): Outcome<{ surface: number }> {
  const surface = ctx.reference.roomSurface(input.building_name, input.room_name);
  if (surface === undefined) return fail('missing_reference', `room ${input.room_name} of ${input.building_name} is not in the building-rooms reference`);
  return ok({ surface });
}

/** Rooms: the factor of (building, room type) — the user's room type drives the factor. */
export function lookupRoom(input: RoomData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = matchFactors(factors, { building_name: input.building_name, room_type: input.room_type });
  if (found.length === 0) return fail('missing_factor', `no room factor for ${input.building_name}, ${input.room_type}`);
  return ok(found.slice(0, 1));
}

/** Combustion: the fuel's factor (names compared as slugs: "Natural gas" = natural_gas), and its unit when given. */
export function lookupCombustion(input: CombustionData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const byName = factors.filter((f) => slug(String(f.classification.name ?? '')) === slug(input.name));
  const found = input.unit ? matchFactors(byName, { unit: input.unit }) : byName;
  if (found.length === 0) return fail('missing_factor', `no combustion factor for ${input.name}${input.unit ? ` in ${input.unit}` : ''}`);
  return ok(found.slice(0, 1));
}

/** Embodied energy: every category row of the building's factors, else of the `default` building. */
export function lookupEmbodied(input: EmbodiedEnergyData, _p: unknown, factors: readonly Factor[]): Outcome<Factor[]> {
  const found = firstMatch(factors, [{ building_name: input.building_name }, { building_name: 'default' }]);
  if (found.length === 0) return fail('missing_factor', `no embodied-energy factor for ${input.building_name} nor default`);
  return ok(found);
}
