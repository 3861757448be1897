import type { BuildingRoom, Location } from '@co2/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.js';
import { airports, buildingRooms, trainStations } from '../db/schema/index.js';
import type { Tx } from './executor.js';
import { searchText } from './reference.repository.js';

/** `%`, `_` and `\` are literal in a user's query. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (text: string) => `%${likeEscape(text)}%`;
/** The search text has a word starting with the query (the text starts with it, or a space precedes it). */
const wordStart = (column: AnyPgColumn, text: string) => sql`(${column} like ${`${likeEscape(text)}%`} or ${column} like ${`% ${likeEscape(text)}%`})`;
/**
 * Runs the typo-tolerant step on the trigram index. On a few thousand rows the planner prefers computing
 * `word_similarity` for every row (its cost is underestimated): measured ≈ 10× slower than the index scan.
 */
const viaIndex = <T>(db: Database, work: (tx: Tx) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    return work(tx);
  });
const AIRPORT_RANK = sql`case ${airports.kind} when 'large_airport' then 0 when 'medium_airport' then 1 when 'small_airport' then 2 else 3 end`;

type AirportRow = typeof airports.$inferSelect;
type StationRow = typeof trainStations.$inferSelect;
const fromAirport = (r: AirportRow): Location => ({ kind: 'airport', code: r.iata, name: r.name, municipality: r.municipality, countryCode: r.countryCode, latitude: r.latitude, longitude: r.longitude });
const fromStation = (r: StationRow): Location => ({ kind: 'station', code: r.locationKey, name: r.name, municipality: null, countryCode: r.countryCode, latitude: r.latitude, longitude: r.longitude });

export interface LocationSearch {
  q: string;
  country?: string;
  limit: number;
}

export function createLocationRepository(db: Database) {
  return {
    /** Names of the buildings that have rooms in the reference data, sorted. */
    async buildings(): Promise<string[]> {
      const rows = await db.selectDistinct({ name: buildingRooms.buildingName }).from(buildingRooms).orderBy(asc(buildingRooms.buildingName));
      return rows.map((r) => r.name);
    },

    /** The rooms of one building with type and surface, sorted by name. */
    async roomsOf(building: string): Promise<BuildingRoom[]> {
      return db
        .select({ buildingName: buildingRooms.buildingName, roomName: buildingRooms.roomName, roomType: buildingRooms.roomType, surfaceM2: buildingRooms.surfaceM2 })
        .from(buildingRooms)
        .where(eq(buildingRooms.buildingName, building))
        .orderBy(asc(buildingRooms.roomName));
    },

    /**
     * The exact IATA code first, then airports of a city starting with the query, then those with a word starting
     * with it, then those containing it (large airports first in each group); only when nothing contains it, typo-tolerant matches (trigram word similarity, 3+
     * characters). Two steps keep a keystroke cheap: most keystrokes never compute a similarity.
     */
    async searchAirports({ q, country, limit }: LocationSearch): Promise<Location[]> {
      const text = searchText(q);
      const code = q.trim().toUpperCase();
      const inCountry = country ? eq(airports.countryCode, country) : undefined;
      const direct = await db
        .select()
        .from(airports)
        .where(and(sql`(${airports.iata} = ${code} or ${airports.search} like ${contains(text)})`, inCountry))
        .orderBy(
          desc(sql`${airports.iata} = ${code}`),
          desc(sql`coalesce(${airports.municipality} ilike ${`${likeEscape(q.trim())}%`}, false)`),
          desc(wordStart(airports.search, text)),
          asc(AIRPORT_RANK),
          asc(airports.name),
        )
        .limit(limit);
      if (direct.length > 0 || text.length < 3) return direct.map(fromAirport);
      const fuzzy = await viaIndex(db, (tx) =>
        tx
          .select()
          .from(airports)
          .where(and(sql`${text} <% ${airports.search}`, inCountry))
          .orderBy(desc(sql`word_similarity(${text}, ${airports.search})`), asc(AIRPORT_RANK), asc(airports.name))
          .limit(limit),
      );
      return fuzzy.map(fromAirport);
    },

    /** Names with a word starting with the query first, then containing it; typo-tolerant matches when none does. */
    async searchStations({ q, country, limit }: LocationSearch): Promise<Location[]> {
      const text = searchText(q);
      const inCountry = country ? eq(trainStations.countryCode, country) : undefined;
      const direct = await db
        .select()
        .from(trainStations)
        .where(and(sql`${trainStations.search} like ${contains(text)}`, inCountry))
        .orderBy(desc(wordStart(trainStations.search, text)), asc(trainStations.name))
        .limit(limit);
      if (direct.length > 0 || text.length < 3) return direct.map(fromStation);
      const fuzzy = await viaIndex(db, (tx) =>
        tx
          .select()
          .from(trainStations)
          .where(and(sql`${text} <% ${trainStations.search}`, inCountry))
          .orderBy(desc(sql`word_similarity(${text}, ${trainStations.search})`), asc(trainStations.name))
          .limit(limit),
      );
      return fuzzy.map(fromStation);
    },

    async airport(iata: string): Promise<Location | undefined> {
      const [row] = await db.select().from(airports).where(eq(airports.iata, iata.trim().toUpperCase()));
      return row && fromAirport(row);
    },

    async station(locationKey: string): Promise<Location | undefined> {
      const [row] = await db.select().from(trainStations).where(eq(trainStations.locationKey, locationKey.trim()));
      return row && fromStation(row);
    },
  };
}

export type LocationRepository = ReturnType<typeof createLocationRepository>;
