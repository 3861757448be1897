import { listTripRoutes, listTrips } from '@co2/contracts';
import type { createListTripRoutes, createListTrips } from '../../domain/travel/list-trips.js';
import { route } from '../route.js';

export interface TravelUseCases {
  listTrips: ReturnType<typeof createListTrips>;
  listTripRoutes: ReturnType<typeof createListTripRoutes>;
}

export const travelRoutes = (uc: TravelUseCases) => [
  route(listTrips, async ({ params, query }, { principal }) => uc.listTrips(principal, params, query)),
  route(listTripRoutes, async ({ params, query }, { principal }) => uc.listTripRoutes(principal, params, query)),
];
