import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { airports, buildingRooms, fxRates, priceIndices, trainStations } from '../db/schema/index.js';
import type { StarterReference } from '../domain/demo/seed-data.js';
import type { ReferenceNeeds } from '../domain/modules/reference-needs.js';
import type { GeoPoint, ReferenceData } from '../domain/modules/types.js';

const point = (r: { latitude: number; longitude: number; countryCode: string }): GeoPoint => ({ latitude: r.latitude, longitude: r.longitude, countryCode: r.countryCode });
/** Lower-cased, accent-free words for the trigram search columns. */
export const searchText = (...parts: (string | null | undefined)[]) =>
  parts.filter(Boolean).join(' ').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

const roomKey = (building: string, room: string) => `${building.toLowerCase()}\u0000${room.toLowerCase()}`;

export function createReferenceRepository(db: Database) {
  return {
    /** Loads the rows one entry needs plus the year's FX rates and all price indices, as synchronous lookups. */
    async snapshot(needs: ReferenceNeeds, year: number): Promise<ReferenceData> {
      const lowerNames = needs.stations.map((n) => n.toLowerCase());
      const [airportRows, stationRows, roomRows, rateRows, indexRows] = await Promise.all([
        needs.airports.length ? db.select().from(airports).where(inArray(airports.iata, needs.airports.map((c) => c.toUpperCase()))) : [],
        lowerNames.length ? db.select().from(trainStations).where(inArray(sql`lower(${trainStations.name})`, lowerNames)) : [],
        needs.rooms.length
          ? db.select().from(buildingRooms).where(or(...needs.rooms.map((r) => and(eq(buildingRooms.buildingName, r.buildingName), eq(buildingRooms.roomName, r.roomName)))))
          : [],
        db.select().from(fxRates).where(eq(fxRates.year, year)),
        db.select().from(priceIndices),
      ]);
      const airportsByIata = new Map(airportRows.map((r) => [r.iata, point(r)]));
      const rooms = new Map(roomRows.map((r) => [roomKey(r.buildingName, r.roomName), r.surfaceM2]));
      const rates = new Map(rateRows.map((r) => [r.currency, r.ratePerEur]));
      const indices = new Map(indexRows.map((r) => [`${r.currency}:${r.year}`, r.value]));
      return {
        airport: (iata) => airportsByIata.get(iata.toUpperCase()),
        stations: ({ name, countryCode, locationKey }) =>
          stationRows
            .filter((s) => (locationKey ? s.locationKey === locationKey : s.name.toLowerCase() === name.toLowerCase() && (!countryCode || s.countryCode === countryCode)))
            .map(point),
        roomSurface: (building, room) => rooms.get(roomKey(building, room)),
        fxRate: (y, currency) => (y === year ? rates.get(currency.toLowerCase()) : undefined),
        priceIndex: (currency, y) => indices.get(`${currency.toLowerCase()}:${y}`),
      };
    },

    /** Creates or updates starter reference rows (airports, stations, rooms, FX rates) by their natural keys, in one transaction; unchanged airports are not rewritten. */
    async upsertStarter(ref: StarterReference): Promise<void> {
      await db.transaction(async (tx) => {
        if (ref.airports.length > 0) {
          // One INSERT … SELECT FROM unnest(arrays): building a 4,500-row VALUES list costs drizzle ~0.4 s.
          const a = ref.airports;
          const col = <T>(f: (x: (typeof a)[number]) => T) => sql.param(a.map(f));
          await tx.execute(sql`
            INSERT INTO airports (iata, name, municipality, country_code, latitude, longitude, kind, search)
            SELECT * FROM unnest(${col((x) => x.iata)}::text[], ${col((x) => x.name)}::text[], ${col((x) => x.municipality)}::text[],
              ${col((x) => x.countryCode)}::text[], ${col((x) => x.latitude)}::float8[], ${col((x) => x.longitude)}::float8[],
              ${col((x) => x.kind)}::text[], ${col((x) => searchText(x.iata, x.name, x.municipality))}::text[])
            ON CONFLICT (iata) DO UPDATE SET name = excluded.name, municipality = excluded.municipality, country_code = excluded.country_code,
              latitude = excluded.latitude, longitude = excluded.longitude, kind = excluded.kind, search = excluded.search
            WHERE (airports.name, airports.municipality, airports.country_code, airports.latitude, airports.longitude, airports.kind)
              IS DISTINCT FROM (excluded.name, excluded.municipality, excluded.country_code, excluded.latitude, excluded.longitude, excluded.kind)`);
        }
        if (ref.stations.length > 0) {
          await tx
            .insert(trainStations)
            .values(ref.stations.map((s) => ({ ...s, search: searchText(s.name, s.countryCode) })))
            .onConflictDoUpdate({ target: trainStations.locationKey, set: { name: sql`excluded.name`, countryCode: sql`excluded.country_code`, latitude: sql`excluded.latitude`, longitude: sql`excluded.longitude`, search: sql`excluded.search` } });
        }
        if (ref.rooms.length > 0) {
          await tx
            .insert(buildingRooms)
            .values(ref.rooms)
            .onConflictDoUpdate({ target: [buildingRooms.buildingName, buildingRooms.roomName], set: { roomType: sql`excluded.room_type`, surfaceM2: sql`excluded.surface_m2` } });
        }
        if (ref.fxRates.length > 0) {
          await tx
            .insert(fxRates)
            .values(ref.fxRates)
            .onConflictDoUpdate({ target: [fxRates.year, fxRates.currency], set: { ratePerEur: sql`excluded.rate_per_eur`, source: sql`excluded.source` } });
        }
      });
    },
  };
}

export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;
