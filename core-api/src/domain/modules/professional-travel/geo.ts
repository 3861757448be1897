import type { GeoPoint } from '../types.js';

const EARTH_RADIUS_KM = 6371;
/** Added to every flight for take-off, landing and detours (reference: FLIGHT_APPROACH_KM). */
export const FLIGHT_APPROACH_KM = 95;
/** Rail routes are longer than the great circle (reference: TRAIN_ROUTING_FACTOR). */
export const TRAIN_ROUTING_FACTOR = 1.2;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function assertCoordinates(p: Pick<GeoPoint, 'latitude' | 'longitude'>): void {
  if (!(Math.abs(p.latitude) <= 90) || !(Math.abs(p.longitude) <= 180)) {
    throw new RangeError(`coordinates out of range: ${p.latitude}, ${p.longitude}`);
  }
}

/** Great-circle distance in whole km (haversine, mean Earth radius 6371 km). */
export function haversineKm(a: Pick<GeoPoint, 'latitude' | 'longitude'>, b: Pick<GeoPoint, 'latitude' | 'longitude'>): number {
  assertCoordinates(a);
  assertCoordinates(b);
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** One flight: great circle + 95 km. */
export const planeTripKm = (greatCircleKm: number) => Math.round(greatCircleKm) + FLIGHT_APPROACH_KM;

/** One train journey: great circle × 1.2, in whole km. */
export const trainTripKm = (greatCircleKm: number) => Math.round(Math.round(greatCircleKm) * TRAIN_ROUTING_FACTOR);

export interface HaulBand {
  category: string;
  min: number;
  max: number;
}

/** Bands in the order they are tried: by name. */
const byName = (bands: readonly HaulBand[]) => [...bands].sort((a, b) => a.category.localeCompare(b.category));

/** The band whose [min, max) holds the one-trip distance; bands sorted by name, first match wins. */
export function findHaulBand(oneTripKm: number, bands: readonly HaulBand[]): HaulBand | undefined {
  return byName(bands).find((b) => oneTripKm >= b.min && oneTripKm < b.max);
}

export function haulBand(oneTripKm: number, bands: readonly HaulBand[]): string | undefined {
  return findHaulBand(oneTripKm, bands)?.category;
}

/**
 * The one-trip distances that land in `category`: inside its [min, max) and outside every band tried before it
 * (`exclude`); `undefined` when the year has no such band. Lets a query filter by band as `haulBand` decides.
 */
export function haulBandRange(category: string, bands: readonly HaulBand[]): { min: number; max: number; exclude: { min: number; max: number }[] } | undefined {
  const sorted = byName(bands);
  const index = sorted.findIndex((b) => b.category === category);
  const band = sorted[index];
  if (!band) return undefined;
  return { min: band.min, max: band.max, exclude: sorted.slice(0, index).map(({ min, max }) => ({ min, max })) };
}

export type TrainCountryRuleName = 'both_in_ch' | 'destination_abroad' | 'origin_abroad' | 'rest_of_world';

/**
 * Which country's train factor applies, and by which rule (reference issue #357): both ends in CH → CH; else the
 * destination if it is not CH; else the origin if it is not CH; else RoW.
 */
export function trainCountryRule(origin: string | null | undefined, destination: string | null | undefined): { country: string; rule: TrainCountryRuleName } {
  const o = origin?.toUpperCase() || null;
  const d = destination?.toUpperCase() || null;
  if (o === 'CH' && d === 'CH') return { country: 'CH', rule: 'both_in_ch' };
  if (d && d !== 'CH') return { country: d, rule: 'destination_abroad' };
  if (o && o !== 'CH') return { country: o, rule: 'origin_abroad' };
  return { country: 'RoW', rule: 'rest_of_world' };
}

export function trainFactorCountry(origin: string | null | undefined, destination: string | null | undefined): string {
  return trainCountryRule(origin, destination).country;
}
