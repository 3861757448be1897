import type { PlaneTripData, TrainTripData } from '@co2/contracts';
import { firstMatch, matchFactors, numberValue } from '../factor-match.js';
import { fail, ok, type Factor, type Outcome } from '../types.js';
import { haulBand, trainFactorCountry, type HaulBand } from './geo.js';
import type { TripDistance } from './prepare.js';

/** Haul bands declared by the year's plane factors (`category` + values `min_distance`/`max_distance`). */
export function bandsOf(factors: readonly Factor[]): HaulBand[] {
  const bands = new Map<string, HaulBand>();
  for (const f of factors) {
    const category = f.classification.category;
    const min = numberValue(f, 'min_distance');
    const max = numberValue(f, 'max_distance');
    if (typeof category === 'string' && min !== undefined && max !== undefined) bands.set(category, { category, min, max });
  }
  return [...bands.values()];
}

/** Plane: haul band on the one-trip distance (after +95 km), then `{ category: band, cabin_class }`. */
export function lookupPlane(input: PlaneTripData, trip: TripDistance, factors: readonly Factor[]): Outcome<Factor[]> {
  const band = haulBand(trip.oneTripKm, bandsOf(factors));
  if (!band) return fail('missing_factor', `no plane factor band holds ${trip.oneTripKm} km`);
  const found = matchFactors(factors, { category: band, cabin_class: input.cabin_class });
  if (found.length === 0) return fail('missing_factor', `no plane factor for ${band}, ${input.cabin_class}`);
  return ok(found.slice(0, 1));
}

/** Train: the country of the reference's rule, falling back to `RoW`. */
export function lookupTrain(_input: TrainTripData, trip: TripDistance, factors: readonly Factor[]): Outcome<Factor[]> {
  const country = trainFactorCountry(trip.origin.countryCode, trip.destination.countryCode);
  const found = firstMatch(factors, [{ country_code: country }, { country_code: 'RoW' }]);
  if (found.length === 0) return fail('missing_factor', `no train factor for ${country} nor RoW`);
  return ok(found.slice(0, 1));
}
