import { Entry } from './entries.js';
import { HaulBand, TrainCountryRule } from './locations.js';
import { UnitCode } from './units.js';
import { z } from './zod.js';

// The professional-travel module's trips: plane and train entries read together, with both ends resolved in the
// reference data (names, countries, coordinates), their distance, the factor's haul band or country rule.

export const TripType = z.enum(['plane', 'train']).openapi('TripType');
export type TripType = z.infer<typeof TripType>;

/** Cabin classes of both submodules (plane: first, business, economy; train: first, second). */
export const TRIP_CLASSES = ['first', 'business', 'economy', 'second'] as const;
export const TripClass = z.enum(TRIP_CLASSES).openapi('TripClass');
export type TripClass = z.infer<typeof TripClass>;

/** `/api/v1/units/{unit}/years/{year}/modules/professional-travel/trips…` */
export const TripsPathParams = z.object({ unit: UnitCode, year: z.coerce.number().int().min(2000).max(2100) });
export type TripsPathParams = z.infer<typeof TripsPathParams>;

/** Filters of the trips list and of its routes (map and charts). */
const tripFilters = {
  type: TripType.optional().describe('plane or train; both when absent'),
  traveller: z.string().trim().min(1).max(64).optional().describe('The traveller’s institutional id (exact)'),
  place: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100)
    .optional()
    .describe('Origin or destination: IATA code, airport or station name, city (case and accents ignored)'),
  cabinClass: TripClass.optional(),
  haulBand: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a haul band such as "short_to_medium_haul"')
    .optional()
    .describe('Flights whose one-trip distance falls in this band of the year’s plane factors (trains excluded)'),
};
export const TripFilterQuery = z.strictObject(tripFilters);
export type TripFilterQuery = z.infer<typeof TripFilterQuery>;

export const TRIP_SORTS = ['departureDate', 'createdAt', 'distanceKm', 'totalKgCo2eq', 'traveller', 'numberOfTrips'] as const;
export const TripSort = z.enum(TRIP_SORTS);
export type TripSort = z.infer<typeof TripSort>;

export const ListTripsQuery = z.strictObject({
  ...tripFilters,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: TripSort.default('departureDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListTripsQuery = z.infer<typeof ListTripsQuery>;

/** One end of a trip: the reference's airport or station, or what the entry says when it is not known. */
export const TripEnd = z
  .object({
    code: z.string().nullable().describe('IATA code (airport) or location key (station); null for an unknown station'),
    name: z.string(),
    municipality: z.string().nullable(),
    countryCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    known: z.boolean().describe('Found in the reference data (else the entry has no emission: missing_location)'),
  })
  .openapi('TripEnd');
export type TripEnd = z.infer<typeof TripEnd>;

/** The emission factor a trip's kg comes from (its first emission row's), with its unit and source. */
export const TripFactor = z
  .object({
    id: z.string().uuid(),
    year: z.number().int(),
    classification: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    unit: z.string().nullable(),
    source: z.string().nullable(),
  })
  .openapi('TripFactor');
export type TripFactor = z.infer<typeof TripFactor>;

export const Trip = z
  .object({
    type: TripType,
    /** The entry itself (data, note, source, emissions with formula, inputs and factor). */
    entry: Entry,
    origin: TripEnd,
    destination: TripEnd,
    travellerId: z.string(),
    cabinClass: z.string(),
    departureDate: z.string().nullable(),
    numberOfTrips: z.number().int(),
    oneTripKm: z.number().int().nullable().describe('One trip: great circle + 95 km (plane) or × 1.2 (train)'),
    distanceKm: z.number().int().nullable().describe('All trips: oneTripKm × numberOfTrips'),
    haulBand: HaulBand.nullable().describe('Flights: the band of the year’s plane factors holding oneTripKm'),
    trainCountry: TrainCountryRule.nullable().describe('Train journeys: whose country’s factor applies, and why'),
    factor: TripFactor.nullable().describe('The factor used (null: no emission, or a given kg such as the travel agency’s)'),
    readOnly: z.boolean(),
    readOnlyReason: z.enum(['external_integration']).nullable().describe('Trips of the travel agency’s feed are read-only'),
  })
  .openapi('Trip');
export type Trip = z.infer<typeof Trip>;

/** Sums over every trip matching the filters (not only the page). */
export const TripSummary = z
  .object({
    entries: z.number().int(),
    numberOfTrips: z.number().int(),
    distanceKm: z.number(),
    kgCo2eq: z.number(),
  })
  .openapi('TripSummary');
export type TripSummary = z.infer<typeof TripSummary>;

export const TripList = z
  .object({ items: z.array(Trip), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), summary: TripSummary })
  .openapi('TripList');
export type TripList = z.infer<typeof TripList>;

/** Trips of one route, traveller and class (the map's arcs and the charts' slices are built from these). */
export const TripRoute = z
  .object({
    type: TripType,
    origin: TripEnd,
    destination: TripEnd,
    travellerId: z.string(),
    cabinClass: z.string(),
    haulBand: z.string().nullable(),
    entries: z.number().int(),
    numberOfTrips: z.number().int(),
    distanceKm: z.number(),
    kgCo2eq: z.number(),
  })
  .openapi('TripRoute');
export type TripRoute = z.infer<typeof TripRoute>;

export const TripRouteList = z.object({ items: z.array(TripRoute) }).openapi('TripRouteList');
export type TripRouteList = z.infer<typeof TripRouteList>;
