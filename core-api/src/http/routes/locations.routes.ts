import { locationDistance, searchLocations } from '@co2/contracts';
import type { createLocationDistance, createSearchLocations } from '../../domain/locations/locations.js';
import { route } from '../route.js';

export interface LocationUseCases {
  searchLocations: ReturnType<typeof createSearchLocations>;
  locationDistance: ReturnType<typeof createLocationDistance>;
}

export const locationRoutes = (uc: LocationUseCases) => [
  route(searchLocations, async ({ query }) => uc.searchLocations(query)),
  route(locationDistance, async ({ query }) => uc.locationDistance(query)),
];
