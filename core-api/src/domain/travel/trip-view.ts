import type { Trip, TripEnd, TripRoute, TripType } from '@co2/contracts';
import { findHaulBand, haversineKm, planeTripKm, trainCountryRule, trainTripKm, type HaulBand } from '../modules/professional-travel/geo.js';
import type { StoredEntry } from '../entries/entry.js';
import type { TripPlace, TripRouteRow, TripRow, TripSubmodule } from './trip.js';

/** `plane` or `train` of a submodule key (`professional-travel/train`) or of an entry's submodule (`train`). */
export const typeOf = (submodule: string): TripType => (submodule.split('/').pop() === 'train' ? 'train' : 'plane');
export const submoduleOf = (type: TripType): TripSubmodule => `professional-travel/${type}`;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** One end as the API shows it: the reference's place, else what the entry says (IATA code or station name). */
export function tripEnd(place: TripPlace | null, fallback: { code: string | null; name: string; countryCode: string | null }): TripEnd {
  if (place) return { ...place, known: true };
  return { ...fallback, municipality: null, latitude: null, longitude: null, known: false };
}

/** The entry's own words for one end (`origin` or `destination`). */
function endOfData(type: TripType, data: Record<string, unknown>, side: 'origin' | 'destination') {
  if (type === 'plane') {
    const code = text(data[`${side}_iata`]);
    return { code, name: code ?? '?', countryCode: null };
  }
  return { code: text(data[`${side}_location_key`]), name: text(data[`${side}_name`]) ?? '?', countryCode: text(data[`${side}_country_code`]) };
}

/** The one-trip distance of the travel module (+95 km plane, × 1.2 train), when both ends are known. */
export function oneTripKm(type: TripType, origin: TripEnd, destination: TripEnd): number | null {
  if (origin.latitude === null || origin.longitude === null || destination.latitude === null || destination.longitude === null) return null;
  const greatCircle = haversineKm({ latitude: origin.latitude, longitude: origin.longitude }, { latitude: destination.latitude, longitude: destination.longitude });
  return type === 'plane' ? planeTripKm(greatCircle) : trainTripKm(greatCircle);
}

const trips = (data: Record<string, unknown>) => (typeof data.number_of_trips === 'number' ? data.number_of_trips : 1);
const publicEntry = ({ authorId: _author, ...entry }: StoredEntry) => entry;

/** A stored trip as the API shows it, with why its factor applies (haul band of the year, train-country rule). */
export function toTrip(row: TripRow, bands: readonly HaulBand[]): Trip {
  const { entry } = row;
  const type = typeOf(entry.submodule);
  const origin = tripEnd(row.origin, endOfData(type, entry.data, 'origin'));
  const destination = tripEnd(row.destination, endOfData(type, entry.data, 'destination'));
  const one = oneTripKm(type, origin, destination);
  const band = type === 'plane' && one !== null ? findHaulBand(one, bands) : undefined;
  const readOnly = entry.source === 'external_integration';
  return {
    type,
    entry: publicEntry(entry),
    origin,
    destination,
    travellerId: text(entry.data.user_institutional_id) ?? '',
    cabinClass: text(entry.data.cabin_class) ?? '',
    departureDate: text(entry.data.departure_date),
    numberOfTrips: trips(entry.data),
    oneTripKm: one,
    distanceKm: one === null ? null : one * trips(entry.data),
    haulBand: band ? { category: band.category, minKm: band.min, maxKm: band.max } : null,
    trainCountry: type === 'train' ? trainCountryRule(origin.countryCode, destination.countryCode) : null,
    factor: row.factor,
    readOnly,
    readOnlyReason: readOnly ? 'external_integration' : null,
  };
}

/** A group of trips on one route as the API shows it, with its haul band and total distance. */
export function toTripRoute(row: TripRouteRow, bands: readonly HaulBand[]): TripRoute {
  const type = typeOf(row.submodule);
  const fallback = (label: string, countryCode: string | null) => ({ code: type === 'plane' ? label : null, name: label, countryCode });
  const origin = tripEnd(row.origin, fallback(row.originLabel, row.originCountry));
  const destination = tripEnd(row.destination, fallback(row.destinationLabel, row.destinationCountry));
  const one = oneTripKm(type, origin, destination);
  return {
    type,
    origin,
    destination,
    travellerId: row.travellerId,
    cabinClass: row.cabinClass,
    haulBand: type === 'plane' && one !== null ? (findHaulBand(one, bands)?.category ?? null) : null,
    entries: row.entries,
    numberOfTrips: row.numberOfTrips,
    distanceKm: one === null ? 0 : one * row.numberOfTrips,
    kgCo2eq: row.kgCo2eq,
  };
}
