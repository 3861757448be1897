import type { TripSort } from '@co2/contracts';
import type { ReportModuleKey, StoredEntry } from '../entries/entry.js';

/** An airport or station of the reference data, as one end of a trip. */
export interface TripPlace {
  code: string;
  name: string;
  municipality: string | null;
  countryCode: string;
  latitude: number;
  longitude: number;
}

export type TripSubmodule = 'professional-travel/plane' | 'professional-travel/train';

/** The one-trip distances a haul band holds (as `findHaulBand` decides): inside [min, max), outside `exclude`. */
export interface DistanceRange {
  min: number;
  max: number;
  exclude: { min: number; max: number }[];
}

/** What the trips store filters on; every condition is optional except the submodules. */
export interface TripCriteria {
  submodules: TripSubmodule[];
  /** Only the trips this user recorded (a standard user's own trips). */
  authorId?: string;
  traveller?: string;
  place?: string;
  cabinClass?: string;
  /** Flights of one haul band; `null`: the band does not exist this year (nothing matches). */
  oneTripKm?: DistanceRange | null;
}

export interface TripPageCriteria extends TripCriteria {
  page: number;
  pageSize: number;
  sort: TripSort;
  order: 'asc' | 'desc';
}

/** The factor of a trip's emission, as the API shows it. */
export interface TripFactorRow {
  id: string;
  year: number;
  classification: Record<string, string | number | boolean | null>;
  unit: string | null;
  source: string | null;
}

/** A stored trip with both ends found in the reference data (`null`: unknown, or several stations match). */
export interface TripRow {
  entry: StoredEntry;
  origin: TripPlace | null;
  destination: TripPlace | null;
  factor: TripFactorRow | null;
}

export interface TripSums {
  entries: number;
  numberOfTrips: number;
  distanceKm: number;
  kgCo2eq: number;
}

/** Trips grouped by route, traveller and class. */
export interface TripRouteRow {
  submodule: TripSubmodule;
  origin: TripPlace | null;
  destination: TripPlace | null;
  /** What the entries say of each end (IATA code or station name, country), for unknown places. */
  originLabel: string;
  destinationLabel: string;
  originCountry: string | null;
  destinationCountry: string | null;
  travellerId: string;
  cabinClass: string;
  entries: number;
  numberOfTrips: number;
  kgCo2eq: number;
}

/** The port the travel use cases need; the trips repository implements it. */
export interface TripStore {
  page(where: ReportModuleKey, criteria: TripPageCriteria): Promise<{ rows: TripRow[]; total: number; sums: TripSums }>;
  routes(where: ReportModuleKey, criteria: TripCriteria): Promise<TripRouteRow[]>;
}
