import type { Location, LocationDistance, LocationDistanceQuery, LocationList, LocationSearchQuery } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { haversineKm, planeTripKm, trainTripKm } from '../modules/professional-travel/geo.js';

export interface LocationStore {
  searchAirports(s: { q: string; country?: string; limit: number }): Promise<Location[]>;
  searchStations(s: { q: string; country?: string; limit: number }): Promise<Location[]>;
  airport(iata: string): Promise<Location | undefined>;
  station(locationKey: string): Promise<Location | undefined>;
}

/** Airports or stations matching a query, ranked by the store (for the trip forms' autocomplete). */
export function createSearchLocations(deps: { locations: Pick<LocationStore, 'searchAirports' | 'searchStations'> }) {
  return async (query: LocationSearchQuery): Promise<LocationList> => {
    const search = { q: query.q, country: query.country, limit: query.limit };
    return { items: query.kind === 'airport' ? await deps.locations.searchAirports(search) : await deps.locations.searchStations(search) };
  };
}

/** The one-trip distance the travel module would use: whole-km great circle, then +95 km (plane) or × 1.2 (train). */
export function createLocationDistance(deps: { locations: Pick<LocationStore, 'airport' | 'station'> }) {
  return async (query: LocationDistanceQuery): Promise<LocationDistance> => {
    const find = (code: string) => (query.kind === 'airport' ? deps.locations.airport(code) : deps.locations.station(code));
    const [from, to] = await Promise.all([find(query.from), find(query.to)]);
    if (!from) throw errors.notFound(`${query.kind} ${query.from}`);
    if (!to) throw errors.notFound(`${query.kind} ${query.to}`);
    const greatCircleKm = Math.round(haversineKm(from, to));
    return { kind: query.kind, from, to, greatCircleKm, distanceKm: query.kind === 'airport' ? planeTripKm(greatCircleKm) : trainTripKm(greatCircleKm) };
  };
}
