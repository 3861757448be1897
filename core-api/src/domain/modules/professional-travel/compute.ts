import type { PlaneTripData, TrainTripData } from '@co2/contracts';
import type { EmissionTypeKey } from '../emission-types/index.js';
import { numberValue } from '../factor-match.js';
import { keyBasedKg } from '../formula.js';
import { fail, ok, type EmissionDraft, type Factor, type Outcome } from '../types.js';
import type { TripDistance } from './prepare.js';

export const PLANE_LEAF: Record<PlaneTripData['cabin_class'], EmissionTypeKey> = {
  first: 'professional_travel__plane__first',
  business: 'professional_travel__plane__business',
  economy: 'professional_travel__plane__eco',
};

export const TRAIN_LEAF: Record<TrainTripData['cabin_class'], EmissionTypeKey> = {
  first: 'professional_travel__train__class_1',
  second: 'professional_travel__train__class_2',
};

const tripInputs = (trip: TripDistance, trips: number) => ({
  great_circle_km: trip.greatCircleKm,
  one_trip_km: trip.oneTripKm,
  number_of_trips: trips,
  distance_km: trip.distanceKm,
});

/** `kg = distance_km × ef_kg_co2eq_per_km × rfi_adjustment` (RFI 1 when the factor has none). */
export function computePlane(input: PlaneTripData, trip: TripDistance, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const kg = factor && keyBasedKg(trip.distanceKm, factor.values, 'ef_kg_co2eq_per_km', { key: 'rfi_adjustment', default: 1 });
  if (!factor || kg === undefined) return fail('missing_factor', 'the plane factor has no ef_kg_co2eq_per_km');
  const ef = numberValue(factor, 'ef_kg_co2eq_per_km');
  const rfi = numberValue(factor, 'rfi_adjustment') ?? 1;
  return ok([
    {
      emissionType: PLANE_LEAF[input.cabin_class],
      kgCo2eq: kg,
      factor,
      quantity: trip.distanceKm,
      quantityUnit: 'km',
      formula: 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment',
      inputs: { ...tripInputs(trip, input.number_of_trips), haul_category: String(factor.classification.category), ef_kg_co2eq_per_km: ef ?? null, rfi_adjustment: rfi },
    },
  ]);
}

/** `kg = distance_km × ef_kg_co2eq_per_km`. */
export function computeTrain(input: TrainTripData, trip: TripDistance, [factor]: Factor[]): Outcome<EmissionDraft[]> {
  const ef = factor && numberValue(factor, 'ef_kg_co2eq_per_km');
  const kg = factor && keyBasedKg(trip.distanceKm, factor.values, 'ef_kg_co2eq_per_km');
  if (!factor || ef === undefined || kg === undefined) return fail('missing_factor', 'the train factor has no ef_kg_co2eq_per_km');
  return ok([
    {
      emissionType: TRAIN_LEAF[input.cabin_class],
      kgCo2eq: kg,
      factor,
      quantity: trip.distanceKm,
      quantityUnit: 'km',
      formula: 'distance_km × ef_kg_co2eq_per_km',
      inputs: { ...tripInputs(trip, input.number_of_trips), factor_country: String(factor.classification.country_code), ef_kg_co2eq_per_km: ef },
    },
  ]);
}
