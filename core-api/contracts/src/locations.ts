import { z } from './zod.js';

export const LocationKind = z.enum(['airport', 'station']).openapi('LocationKind');
export type LocationKind = z.infer<typeof LocationKind>;

const Country = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
);

/** `GET /api/v1/locations/search`: airports by IATA code or name, stations by name (optionally in one country). */
export const LocationSearchQuery = z.strictObject({
  kind: LocationKind,
  q: z.string().trim().min(1, 'must not be empty').max(100),
  country: Country.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type LocationSearchQuery = z.infer<typeof LocationSearchQuery>;

/** An airport (`code` = IATA) or a train station (`code` = location key). */
export const Location = z
  .object({
    kind: LocationKind,
    code: z.string(),
    name: z.string(),
    municipality: z.string().nullable(),
    countryCode: z.string(),
    latitude: z.number(),
    longitude: z.number(),
  })
  .openapi('Location');
export type Location = z.infer<typeof Location>;

export const LocationList = z.object({ items: z.array(Location) }).openapi('LocationList');
export type LocationList = z.infer<typeof LocationList>;

/** `GET /api/v1/locations/distance`: the one-trip distance the travel module uses between two locations. */
export const LocationDistanceQuery = z.strictObject({
  kind: LocationKind,
  from: z.string().trim().min(1).max(300).describe('IATA code (airport) or location key (station)'),
  to: z.string().trim().min(1).max(300),
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('Reporting year: airports then also get the haul band of that year’s plane factors'),
});

/** A haul band of a year's plane factors: the one-trip distance in [minKm, maxKm) picks it (bands by name, first wins). */
export const HaulBand = z
  .object({ category: z.string().openapi({ example: 'medium_to_long_haul' }), minKm: z.number(), maxKm: z.number() })
  .openapi('HaulBand');
export type HaulBand = z.infer<typeof HaulBand>;

/**
 * Which country's train factor a journey uses (reference issue #357): both ends in CH → CH (`both_in_ch`); else the
 * destination's country when it is not CH (`destination_abroad`); else the origin's (`origin_abroad`); else RoW.
 * The year's factors fall back to RoW when that country has none.
 */
export const TrainCountryRule = z
  .object({ country: z.string(), rule: z.enum(['both_in_ch', 'destination_abroad', 'origin_abroad', 'rest_of_world']) })
  .openapi('TrainCountryRule');
export type TrainCountryRule = z.infer<typeof TrainCountryRule>;
export type LocationDistanceQuery = z.infer<typeof LocationDistanceQuery>;

export const LocationDistance = z
  .object({
    kind: LocationKind,
    from: Location,
    to: Location,
    greatCircleKm: z.number().int().describe('Haversine distance, whole km'),
    distanceKm: z.number().int().describe('One trip: great circle + 95 km (plane) or × 1.2 (train)'),
    haulBand: HaulBand.nullable()
      .optional()
      .describe('Airports with `year`: the band of that year’s plane factors holding `distanceKm` (null: no band holds it)'),
    trainCountry: TrainCountryRule.optional().describe('Stations: which country’s train factor applies'),
  })
  .openapi('LocationDistance');
export type LocationDistance = z.infer<typeof LocationDistance>;

/** `GET /api/v1/locations/rooms`: without `building`, the buildings; with it, that building's rooms. */
export const BuildingRoomsQuery = z
  .strictObject({ building: z.string().trim().min(1).max(200).optional() })
  .openapi('BuildingRoomsQuery');
export type BuildingRoomsQuery = z.infer<typeof BuildingRoomsQuery>;

export const BuildingRoom = z
  .object({ buildingName: z.string(), roomName: z.string(), roomType: z.string().nullable(), surfaceM2: z.number() })
  .openapi('BuildingRoom');
export type BuildingRoom = z.infer<typeof BuildingRoom>;

/** The institution's buildings (sorted) and, when one was asked for, its rooms with type and surface (reference data). */
export const BuildingRooms = z
  .object({ buildings: z.array(z.string()), rooms: z.array(BuildingRoom) })
  .openapi('BuildingRooms');
export type BuildingRooms = z.infer<typeof BuildingRooms>;
