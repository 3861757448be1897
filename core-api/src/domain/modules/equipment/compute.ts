import type { EquipmentData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';

export const WEEKS_PER_YEAR = 52;

/** Hours that are missing or 0 come from the factor's defaults. */
const hours = (given: number | undefined, fallback: number | undefined) => (given ? given : fallback);

/** `kWh = (active_h × P_active_W + standby_h × P_standby_W) × 52 / 1000`. */
export const annualKwh = (activeH: number, activeW: number, standbyH: number, standbyW: number) =>
  ((activeH * activeW + standbyH * standbyW) * WEEKS_PER_YEAR) / 1000;

/** `kg = annual_kWh × ef_kg_co2eq_per_kwh`, booked on the submodule's leaf. */
export const computeEquipment =
  (leaf: EmissionTypeKey) =>
  (input: EquipmentData, _p: unknown, [factor]: Factor[]): Outcome<EmissionDraft[]> => {
    if (!factor) return fail('missing_factor', 'no equipment factor');
    const activeW = numberValue(factor, 'active_power_w');
    const standbyW = numberValue(factor, 'standby_power_w');
    const ef = numberValue(factor, 'ef_kg_co2eq_per_kwh');
    const activeH = hours(input.active_usage_hours_per_week, numberValue(factor, 'active_usage_hours_per_week'));
    const standbyH = hours(input.standby_usage_hours_per_week, numberValue(factor, 'standby_usage_hours_per_week'));
    if (ef === undefined) return fail('missing_factor', 'the equipment factor has no ef_kg_co2eq_per_kwh');
    if (activeW === undefined || standbyW === undefined) return fail('missing_factor', 'the equipment factor has no active/standby power');
    if (activeH === undefined || standbyH === undefined) return fail('missing_input', 'usage hours are missing and the factor has no defaults');
    const kwh = annualKwh(activeH, activeW, standbyH, standbyW);
    return ok([
      {
        emissionType: leaf,
        kgCo2eq: kwh * ef,
        factor,
        quantity: kwh,
        quantityUnit: 'kWh',
        formula: '(active_h × active_power_w + standby_h × standby_power_w) × 52 / 1000 × ef_kg_co2eq_per_kwh',
        inputs: {
          active_usage_hours_per_week: activeH,
          standby_usage_hours_per_week: standbyH,
          active_power_w: activeW,
          standby_power_w: standbyW,
          weeks_per_year: WEEKS_PER_YEAR,
          ef_kg_co2eq_per_kwh: ef,
        },
      },
    ]);
  };
