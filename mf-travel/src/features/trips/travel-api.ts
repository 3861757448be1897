// The core-api routes the travel remote uses, each parsed with its contract.
import { DeletedEntry, Entry, EntryList, LocationDistance, LocationList, RoundTrip, TripList, TripRouteList, type LocationKind, type TripType } from '@co2/contracts';
import type { ApiClient } from '@co2/shell-sdk';

const travel = (unit: string, year: number) => `/v1/units/${encodeURIComponent(unit)}/years/${year}/modules/professional-travel`;

export const travelApi = {
  trips: (api: ApiClient, unit: string, year: number, search: URLSearchParams) => api.get(`${travel(unit, year)}/trips?${search}`, TripList),
  tripRoutes: (api: ApiClient, unit: string, year: number, search: URLSearchParams) => api.get(`${travel(unit, year)}/trip-routes?${search}`, TripRouteList),
  entry: (api: ApiClient, unit: string, year: number, type: TripType, id: string) => api.get(`${travel(unit, year)}/${type}/entries/${id}`, Entry),
  create: (api: ApiClient, unit: string, year: number, type: TripType, body: { data: unknown; note?: string }) => api.post(`${travel(unit, year)}/${type}/entries`, Entry, body),
  createRoundTrip: (api: ApiClient, unit: string, year: number, type: TripType, body: { data: unknown; note?: string }) => api.post(`${travel(unit, year)}/${type}/round-trips`, RoundTrip, body),
  update: (api: ApiClient, unit: string, year: number, type: TripType, id: string, body: { data: unknown; note: string | null }) => api.patch(`${travel(unit, year)}/${type}/entries/${id}`, Entry, body),
  remove: (api: ApiClient, unit: string, year: number, type: TripType, id: string) => api.delete(`${travel(unit, year)}/${type}/entries/${id}`, DeletedEntry),
  /** The unit's headcount members (principals only): the travellers to pick from. */
  headcount: (api: ApiClient, unit: string, year: number) => api.get(`/v1/units/${encodeURIComponent(unit)}/years/${year}/modules/headcount/member/entries?pageSize=200&sort=createdAt`, EntryList),
  search: (api: ApiClient, kind: LocationKind, q: string) => api.get(`/v1/locations/search?${new URLSearchParams({ kind, q, limit: '8' })}`, LocationList),
  distance: (api: ApiClient, kind: LocationKind, from: string, to: string, year: number) =>
    api.get(`/v1/locations/distance?${new URLSearchParams({ kind, from, to, year: String(year) })}`, LocationDistance),
};
