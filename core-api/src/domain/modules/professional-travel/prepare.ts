import type { PlaneTripData, TrainTripData } from '@co2/contracts';
import { fail, ok, type ComputeContext, type GeoPoint, type Outcome } from '../types.js';
import { haversineKm, planeTripKm, trainTripKm } from './geo.js';

export interface TripDistance {
  greatCircleKm: number;
  /** One trip, after the mode's correction (+95 km or × 1.2). */
  oneTripKm: number;
  /** All trips: `oneTripKm × number_of_trips`. */
  distanceKm: number;
  origin: GeoPoint;
  destination: GeoPoint;
}

export function preparePlane(input: PlaneTripData, ctx: ComputeContext): Outcome<TripDistance> {
  const origin = ctx.reference.airport(input.origin_iata);
  const destination = ctx.reference.airport(input.destination_iata);
  if (!origin) return fail('missing_location', `unknown airport ${input.origin_iata}`);
  if (!destination) return fail('missing_location', `unknown airport ${input.destination_iata}`);
  const greatCircleKm = haversineKm(origin, destination);
  const oneTripKm = planeTripKm(greatCircleKm);
  return ok({ greatCircleKm, oneTripKm, distanceKm: oneTripKm * input.number_of_trips, origin, destination });
}

function station(ctx: ComputeContext, name: string, countryCode?: string, locationKey?: string): Outcome<GeoPoint> {
  const found = ctx.reference.stations({ name, countryCode, locationKey });
  const label = countryCode ? `${name} (${countryCode})` : name;
  if (found.length === 0) return fail('missing_location', `unknown station ${label}`);
  if (found.length > 1) return fail('ambiguous_location', `several stations are named ${label}: give the country`);
  return ok(found[0] as GeoPoint);
}

export function prepareTrain(input: TrainTripData, ctx: ComputeContext): Outcome<TripDistance> {
  const origin = station(ctx, input.origin_name, input.origin_country_code, input.origin_location_key);
  if (!origin.ok) return origin;
  const destination = station(ctx, input.destination_name, input.destination_country_code, input.destination_location_key);
  if (!destination.ok) return destination;
  const greatCircleKm = haversineKm(origin.value, destination.value);
  const oneTripKm = trainTripKm(greatCircleKm);
  return ok({ greatCircleKm, oneTripKm, distanceKm: oneTripKm * input.number_of_trips, origin: origin.value, destination: destination.value });
}
