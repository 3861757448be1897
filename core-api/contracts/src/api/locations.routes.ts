import { BuildingRooms, BuildingRoomsQuery, LocationDistance, LocationDistanceQuery, LocationList, LocationSearchQuery } from '../locations.js';
import { defineRoute } from './route.js';

export const searchLocations = defineRoute({
  operationId: 'searchLocations',
  method: 'get',
  path: '/api/v1/locations/search',
  auth: 'user',
  summary: 'Airports (IATA code or name) or train stations (name, optionally one country), best matches first',
  tags: ['locations'],
  request: { query: LocationSearchQuery },
  response: { status: 200, description: 'Matching locations, ranked', schema: LocationList },
});

export const locationDistance = defineRoute({
  operationId: 'locationDistance',
  method: 'get',
  path: '/api/v1/locations/distance',
  auth: 'user',
  summary: 'One-trip distance between two airports (+95 km) or two stations (× 1.2), as the travel module computes it',
  tags: ['locations'],
  request: { query: LocationDistanceQuery },
  errors: [404],
  response: { status: 200, description: 'The distance', schema: LocationDistance },
});

export const listBuildingRooms = defineRoute({
  operationId: 'listBuildingRooms',
  method: 'get',
  path: '/api/v1/locations/rooms',
  auth: 'user',
  summary: 'The institution’s buildings, or the rooms of one building with their type and surface (the rooms form’s building → room choice)',
  tags: ['locations'],
  request: { query: BuildingRoomsQuery },
  response: { status: 200, description: 'Buildings and rooms', schema: BuildingRooms },
});
