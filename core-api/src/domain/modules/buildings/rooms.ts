import type { RoomData } from '@co2/contracts';
import { roomLeaf, ROOM_USES, type RoomUse } from '../emission-types/index.js';
import { numberValue, textValue } from '../factor-match.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';

type EnergyType = 'electric' | 'thermal';
const ENERGY_ALIASES: Record<string, EnergyType> = { electric: 'electric', elec: 'electric', electricity: 'electric', thermal: 'thermal', therm: 'thermal' };

const FIELD: Record<RoomUse, string> = {
  lighting: 'lighting_kwh_per_square_meter',
  cooling: 'cooling_kwh_per_square_meter',
  ventilation: 'ventilation_kwh_per_square_meter',
  heating_elec: 'heating_kwh_per_square_meter',
  heating_thermal: 'heating_kwh_per_square_meter',
};

export interface RoomLeafInputs {
  surface: number;
  kwhPerM2: number;
  ratio: number;
  efKgPerKwh: number;
  conversionFactor: number;
}

/** `kg_leaf = surface × kwh_per_m2 × ratio × ef_kg_co2eq_per_kwh × cf`. */
export const roomLeafKg = (i: RoomLeafInputs) => i.surface * i.kwhPerM2 * i.ratio * i.efKgPerKwh * i.conversionFactor;

/**
 * The conversion factor of a leaf: 1 for lighting, cooling and ventilation; for heating, the factor's
 * `conversion_factor` (default 1) on the leaf of its energy type and 0 on the other, so heating counts once.
 */
export function leafConversion(use: RoomUse, energyType: EnergyType, conversionFactor: number | undefined): number {
  if (use === 'heating_elec') return energyType === 'electric' ? (conversionFactor ?? 1) : 0;
  if (use === 'heating_thermal') return energyType === 'thermal' ? (conversionFactor ?? 1) : 0;
  return 1;
}

/** Five rows per room (lighting, cooling, ventilation, electric and thermal heating), qualified by room type. */
export function computeRoom(input: RoomData, { surface }: { surface: number }, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_kwh');
  if (!factor || ef === undefined) return fail('missing_factor', 'the room factor has no ef_kg_co2eq_per_kwh');
  const energyType = ENERGY_ALIASES[(textValue(factor, 'energy_type') ?? '').toLowerCase()];
  if (!energyType) return fail('missing_factor', 'the room factor has no energy_type (electric or thermal)');
  const ratio = input.room_allocation_ratio ?? 1;
  const cf = numberValue(factor, 'conversion_factor');
  const drafts: EmissionDraft[] = [];
  for (const use of ROOM_USES) {
    const kwhPerM2 = numberValue(factor, FIELD[use]);
    if (kwhPerM2 === undefined) continue;
    const inputs: RoomLeafInputs = { surface, kwhPerM2, ratio, efKgPerKwh: ef, conversionFactor: leafConversion(use, energyType, cf) };
    drafts.push({
      emissionType: roomLeaf(use, input.room_type),
      kgCo2eq: roomLeafKg(inputs),
      factor,
      quantity: surface * kwhPerM2 * ratio * inputs.conversionFactor,
      quantityUnit: 'kWh',
      formula: 'surface_m2 × kwh_per_m2 × allocation_ratio × ef_kg_co2eq_per_kwh × conversion_factor',
      inputs: { surface_m2: surface, kwh_per_m2: kwhPerM2, allocation_ratio: ratio, ef_kg_co2eq_per_kwh: ef, conversion_factor: inputs.conversionFactor, energy_type: energyType },
    });
  }
  if (drafts.length === 0) return fail('missing_factor', 'the room factor has no kWh/m² value');
  return ok(drafts);
}
