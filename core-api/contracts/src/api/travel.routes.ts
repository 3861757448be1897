import { ListTripsQuery, TripFilterQuery, TripList, TripRouteList, TripsPathParams } from '../travel.js';
import { defineRoute } from './route.js';

const base = '/api/v1/units/{unit}/years/{year}/modules/professional-travel' as const;
const who = 'Principals of the unit: all its trips; standard users: the trips they recorded. Units you may not see: 404.';

export const listTrips = defineRoute({
  operationId: 'listTrips',
  method: 'get',
  path: `${base}/trips`,
  auth: 'user',
  summary: `Plane and train trips together (paginated, sortable, filtered), each with both ends resolved, its distance, haul band or train-country rule, and sums over all matching trips. ${who}`,
  tags: ['travel'],
  request: { params: TripsPathParams, query: ListTripsQuery },
  errors: [403, 404],
  response: { status: 200, description: 'A page of trips and the sums over every matching trip', schema: TripList },
});

export const listTripRoutes = defineRoute({
  operationId: 'listTripRoutes',
  method: 'get',
  path: `${base}/trip-routes`,
  auth: 'user',
  summary: `The matching trips grouped by route, traveller and class, with coordinates (the trips map and the travel charts). ${who}`,
  tags: ['travel'],
  request: { params: TripsPathParams, query: TripFilterQuery },
  errors: [403, 404],
  response: { status: 200, description: 'Trips grouped by route, traveller and class', schema: TripRouteList },
});
