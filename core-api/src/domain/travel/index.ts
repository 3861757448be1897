import type { Repositories } from '../../repositories/index.js';
import { createResolveWorkspace } from '../entries/workspace.js';
import { createListTripRoutes, createListTrips } from './list-trips.js';

/** The travel read use cases (writes are the entries' use cases), wired from the repositories they use. */
export function createTravelUseCases(repos: Pick<Repositories, 'units' | 'trips' | 'factors'>) {
  const deps = { resolveWorkspace: createResolveWorkspace({ units: repos.units }), trips: repos.trips, factors: repos.factors };
  return { listTrips: createListTrips(deps), listTripRoutes: createListTripRoutes(deps) };
}
