import type { Location } from '@co2/contracts';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { airports, trainStations } from '../db/schema/index.js';
import { searchText } from './reference.repository.js';

/** `%`, `_` and `\` are literal in a user's query. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
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
    /** IATA code first, then names starting with the query, then containing it, then trigram-similar; big airports first. */
    async searchAirports({ q, country, limit }: LocationSearch): Promise<Location[]> {
      const text = searchText(q);
      const code = q.trim().toUpperCase();
      const conditions: SQL[] = [sql`(${airports.iata} = ${code} or ${airports.search} like ${`%${likeEscape(text)}%`} or ${airports.search} % ${text})`];
      if (country) conditions.push(eq(airports.countryCode, country));
      const rows = await db
        .select()
        .from(airports)
        .where(and(...conditions))
        .orderBy(
          desc(sql`${airports.iata} = ${code}`),
          desc(sql`${airports.search} like ${`${likeEscape(text)}%`} or ${airports.name} ilike ${`${likeEscape(q.trim())}%`}`),
          desc(sql`similarity(${airports.search}, ${text})`),
          asc(AIRPORT_RANK),
          asc(airports.name),
        )
        .limit(limit);
      return rows.map(fromAirport);
    },

    /** Names starting with the query first, then containing it, then trigram-similar. */
    async searchStations({ q, country, limit }: LocationSearch): Promise<Location[]> {
      const text = searchText(q);
      const conditions: SQL[] = [sql`(${trainStations.search} like ${`%${likeEscape(text)}%`} or ${trainStations.search} % ${text})`];
      if (country) conditions.push(eq(trainStations.countryCode, country));
      const rows = await db
        .select()
        .from(trainStations)
        .where(and(...conditions))
        .orderBy(desc(sql`${trainStations.search} like ${`${likeEscape(text)}%`}`), desc(sql`similarity(${trainStations.search}, ${text})`), asc(trainStations.name))
        .limit(limit);
      return rows.map(fromStation);
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
