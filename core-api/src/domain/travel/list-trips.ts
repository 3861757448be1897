import type { ListTripsQuery, TripFilterQuery, TripList, TripRouteList, TripsPathParams } from '@co2/contracts';
import type { Principal } from '../identity/principal.js';
import type { Factor } from '../modules/types.js';
import { haulBandRange, type HaulBand } from '../modules/professional-travel/geo.js';
import { bandsOf } from '../modules/professional-travel/lookup.js';
import type { ReportModuleKey } from '../entries/entry.js';
import type { ResolveWorkspace } from '../entries/workspace.js';
import type { TripCriteria, TripStore } from './trip.js';
import { submoduleOf, toTrip, toTripRoute } from './trip-view.js';

export interface TravelDeps {
  resolveWorkspace: ResolveWorkspace;
  trips: TripStore;
  factors: { forYear(year: number, submodule: 'professional-travel/plane'): Promise<Factor[]> };
}

/** The caller's view of the unit's travel: principals the whole unit, standard users the trips they recorded. */
async function travelScope(deps: TravelDeps, principal: Principal, path: TripsPathParams) {
  const ws = await deps.resolveWorkspace(principal, { unit: path.unit, module: 'professional-travel', submodule: 'plane' });
  const where: ReportModuleKey = { unitId: ws.unit.id, year: path.year, module: 'professional-travel' };
  const bands: HaulBand[] = bandsOf(await deps.factors.forYear(path.year, 'professional-travel/plane'));
  return { where, bands, authorId: ws.access === 'own' ? principal.user.id : undefined };
}

/** The query's filters as store criteria; a haul band becomes the one-trip distances it holds (flights only). */
function criteria(query: TripFilterQuery, bands: readonly HaulBand[], authorId: string | undefined): TripCriteria {
  const type = query.haulBand ? 'plane' : query.type;
  return {
    submodules: type ? [submoduleOf(type)] : [submoduleOf('plane'), submoduleOf('train')],
    authorId,
    traveller: query.traveller,
    place: query.place,
    cabinClass: query.cabinClass,
    ...(query.haulBand ? { oneTripKm: haulBandRange(query.haulBand, bands) ?? null } : {}),
  };
}

/** A page of plane and train trips with both ends, distance and why the factor applies, and sums over all matches. */
export function createListTrips(deps: TravelDeps) {
  return async (principal: Principal, path: TripsPathParams, query: ListTripsQuery): Promise<TripList> => {
    const { where, bands, authorId } = await travelScope(deps, principal, path);
    const { page, pageSize, sort, order } = query;
    const found = await deps.trips.page(where, { ...criteria(query, bands, authorId), page, pageSize, sort, order });
    return { items: found.rows.map((row) => toTrip(row, bands)), total: found.total, page, pageSize, summary: found.sums };
  };
}

/** The matching trips grouped by route, traveller and class, with coordinates and haul band (map and charts). */
export function createListTripRoutes(deps: TravelDeps) {
  return async (principal: Principal, path: TripsPathParams, query: TripFilterQuery): Promise<TripRouteList> => {
    const { where, bands, authorId } = await travelScope(deps, principal, path);
    const rows = await deps.trips.routes(where, criteria(query, bands, authorId));
    return { items: rows.map((row) => toTripRoute(row, bands)) };
  };
}
