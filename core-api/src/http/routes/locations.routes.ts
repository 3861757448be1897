import { listBuildingRooms, locationDistance, searchLocations } from '@co2/contracts';
import type { createListBuildingRooms, createLocationDistance, createSearchLocations } from '../../domain/locations/locations.js';
import { route } from '../route.js';

export interface LocationUseCases {
  searchLocations: ReturnType<typeof createSearchLocations>;
  locationDistance: ReturnType<typeof createLocationDistance>;
  listBuildingRooms: ReturnType<typeof createListBuildingRooms>;
}

export const locationRoutes = (uc: LocationUseCases) => [
  route(searchLocations, async ({ query }) => uc.searchLocations(query)),
  route(locationDistance, async ({ query }) => uc.locationDistance(query)),
  route(listBuildingRooms, async ({ query }) => uc.listBuildingRooms(query)),
];
