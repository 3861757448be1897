import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

const coordinates = (lat: AnyPgColumn, lon: AnyPgColumn) => sql`${lat} between -90 and 90 and ${lon} between -180 and 180`;

/** Airports (OurAirports/OpenFlights data): searched by IATA code or name (trigram index on `search`). */
export const airports = pgTable(
  'airports',
  {
    iata: text('iata').primaryKey(),
    name: text('name').notNull(),
    municipality: text('municipality'),
    countryCode: text('country_code').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** `large_airport`, `medium_airport`, … (ranking). */
    kind: text('kind'),
    /** Lower-cased, accent-free "iata name municipality" for the trigram search. */
    search: text('search').notNull(),
  },
  (t) => [
    check('airports_iata_format', sql`${t.iata} ~ '^[A-Z]{3}$'`),
    check('airports_country_format', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check('airports_coordinates', coordinates(t.latitude, t.longitude)),
    index('airports_search_trgm').using('gin', t.search.op('gin_trgm_ops')),
  ],
);

/** Train stations: same-name stations are told apart by country; `location_key` is stable across imports. */
export const trainStations = pgTable(
  'train_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationKey: text('location_key').notNull().unique(),
    name: text('name').notNull(),
    countryCode: text('country_code').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    search: text('search').notNull(),
  },
  (t) => [
    check('train_stations_country_format', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check('train_stations_coordinates', coordinates(t.latitude, t.longitude)),
    index('train_stations_name_country_idx').on(sql`lower(${t.name})`, t.countryCode),
    index('train_stations_search_trgm').using('gin', t.search.op('gin_trgm_ops')),
  ],
);

/** Rooms of the institution's buildings, with their surface (the rooms module reads it). */
export const buildingRooms = pgTable(
  'building_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingLocation: text('building_location'),
    buildingName: text('building_name').notNull(),
    roomName: text('room_name').notNull(),
    roomType: text('room_type'),
    surfaceM2: doublePrecision('surface_m2').notNull(),
  },
  (t) => [
    unique('building_rooms_building_room').on(t.buildingName, t.roomName),
    check('building_rooms_surface', sql`${t.surfaceM2} >= 0 and ${t.surfaceM2} < 'Infinity'::float8`),
  ],
);

/** Yearly average exchange rates, ECB convention: units of `currency` per 1 EUR. */
export const fxRates = pgTable(
  'fx_rates',
  {
    year: integer('year').notNull(),
    currency: text('currency').notNull(),
    ratePerEur: doublePrecision('rate_per_eur').notNull(),
    source: text('source'),
  },
  (t) => [
    primaryKey({ name: 'fx_rates_pk', columns: [t.year, t.currency] }),
    check('fx_rates_currency_format', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check('fx_rates_positive', sql`${t.ratePerEur} > 0 and ${t.ratePerEur} < 'Infinity'::float8`),
  ],
);

/** Consumer price index per currency area and year (deflation of spend to a factor's price year). */
export const priceIndices = pgTable(
  'price_indices',
  {
    currency: text('currency').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source'),
  },
  (t) => [
    primaryKey({ name: 'price_indices_pk', columns: [t.currency, t.year] }),
    check('price_indices_currency_format', sql`${t.currency} ~ '^[a-z]{3}$'`),
    check('price_indices_positive', sql`${t.value} > 0 and ${t.value} < 'Infinity'::float8`),
  ],
);
