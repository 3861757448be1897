import type { BuildingRoom, BuildingRooms, BuildingRoomsQuery, Location, LocationDistance, LocationDistanceQuery, LocationList, LocationSearchQuery } from '@co2/contracts';
import { errors } from '../../errors/index.js';
import { findHaulBand, haversineKm, planeTripKm, trainCountryRule, trainTripKm } from '../modules/professional-travel/geo.js';
import { bandsOf } from '../modules/professional-travel/lookup.js';
import type { Factor } from '../modules/types.js';

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

export interface LocationDistanceDeps {
  locations: Pick<LocationStore, 'airport' | 'station'>;
  factors: { forYear(year: number, submodule: 'professional-travel/plane'): Promise<Factor[]> };
}

/**
 * The one-trip distance the travel module would use: whole-km great circle, then +95 km (plane) or × 1.2 (train);
 * with a year, the haul band of that year's plane factors that holds it; for stations, which country's factor applies.
 */
export function createLocationDistance(deps: LocationDistanceDeps) {
  return async (query: LocationDistanceQuery): Promise<LocationDistance> => {
    const find = (code: string) => (query.kind === 'airport' ? deps.locations.airport(code) : deps.locations.station(code));
    const [from, to] = await Promise.all([find(query.from), find(query.to)]);
    if (!from) throw errors.notFound(`${query.kind} ${query.from}`);
    if (!to) throw errors.notFound(`${query.kind} ${query.to}`);
    const greatCircleKm = Math.round(haversineKm(from, to));
    if (query.kind === 'station') {
      return { kind: query.kind, from, to, greatCircleKm, distanceKm: trainTripKm(greatCircleKm), trainCountry: trainCountryRule(from.countryCode, to.countryCode) };
    }
    const distanceKm = planeTripKm(greatCircleKm);
    if (query.year === undefined) return { kind: query.kind, from, to, greatCircleKm, distanceKm };
    const band = findHaulBand(distanceKm, bandsOf(await deps.factors.forYear(query.year, 'professional-travel/plane')));
    return { kind: query.kind, from, to, greatCircleKm, distanceKm, haulBand: band ? { category: band.category, minKm: band.min, maxKm: band.max } : null };
  };
}

export interface BuildingRoomStore {
  buildings(): Promise<string[]>;
  roomsOf(building: string): Promise<BuildingRoom[]>;
}

/** The buildings of the reference data, and the rooms of the one asked for (the rooms form's building → room choice). */
export function createListBuildingRooms(deps: { rooms: BuildingRoomStore }) {
  return async (query: BuildingRoomsQuery): Promise<BuildingRooms> => {
    const [buildings, rooms] = await Promise.all([deps.rooms.buildings(), query.building ? deps.rooms.roomsOf(query.building) : Promise.resolve([])]);
    return { buildings, rooms };
  };
}
