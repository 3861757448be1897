import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { entries, factors } from '../db/schema/index.js';
import type { ReportModuleKey } from '../domain/entries/entry.js';
import type { TripCriteria, TripFactorRow, TripPageCriteria, TripPlace, TripRouteRow, TripRow, TripStore, TripSubmodule } from '../domain/travel/trip.js';
import { withEmissions } from './entry.repository.js';
import { likeEscape } from './location.repository.js';
import { searchText } from './reference.repository.js';
import { findReportModuleId } from './report-module.fragments.js';

const PLANE: TripSubmodule = 'professional-travel/plane';
const TRAIN: TripSubmodule = 'professional-travel/train';

/**
 * One end of each trip in the reference data (lateral over `e` = entries): the airport of its IATA code, or the
 * station of its location key, else of its name (and country when given) — as the engine finds them. `matches`
 * counts the candidates: a name shared by several stations is ambiguous, hence unknown (the entry has no emission).
 */
const end = (side: 'origin' | 'destination') =>
  sql.raw(`
  SELECT x.*, count(*) OVER () AS matches FROM (
    SELECT a.iata AS code, a.name, a.municipality, a.country_code, a.latitude, a.longitude, a.search
      FROM airports a WHERE e.submodule = '${PLANE}' AND a.iata = upper(e.data->>'${side}_iata')
    UNION ALL
    SELECT s.location_key, s.name, NULL, s.country_code, s.latitude, s.longitude, s.search
      FROM train_stations s WHERE e.submodule = '${TRAIN}' AND CASE
        WHEN e.data ? '${side}_location_key' THEN s.location_key = e.data->>'${side}_location_key'
        ELSE lower(s.name) = lower(e.data->>'${side}_name') AND (NOT e.data ? '${side}_country_code' OR s.country_code = e.data->>'${side}_country_code')
      END
  ) x LIMIT 1`);

/** Whole-km haversine (radius 6371 km) rounded half up, as the engine's `haversineKm`. */
const GREAT_CIRCLE = `floor(2 * 6371 * asin(least(1, sqrt(
  power(sin(radians(d.latitude - o.latitude) / 2), 2) + cos(radians(o.latitude)) * cos(radians(d.latitude)) * power(sin(radians(d.longitude - o.longitude) / 2), 2)
))) + 0.5)`;

/** The trips of a report module with both ends, the one-trip distance (+95 km plane, × 1.2 train) and the kg. */
const tripsOf = (reportModuleId: string, c: TripCriteria) => {
  const where: SQL[] = [sql`e.report_module_id = ${reportModuleId}`, sql`e.submodule IN (${sql.join(c.submodules.map((s) => sql`${s}`), sql`, `)})`];
  if (c.authorId) where.push(sql`e.author_id = ${c.authorId}`);
  if (c.traveller) where.push(sql`e.data->>'user_institutional_id' = ${c.traveller}`);
  if (c.cabinClass) where.push(sql`e.data->>'cabin_class' = ${c.cabinClass}`);
  return sql`
    SELECT e.id, e.submodule, e.data, e.created_at,
      coalesce((e.data->>'number_of_trips')::int, 1) AS trips,
      (SELECT coalesce(sum(x.kg_co2eq), 0) FROM entry_emissions x WHERE x.entry_id = e.id) AS kg,
      o.code AS o_code, o.name AS o_name, o.municipality AS o_municipality, o.country_code AS o_country, o.latitude AS o_lat, o.longitude AS o_lon, o.search AS o_search,
      d.code AS d_code, d.name AS d_name, d.municipality AS d_municipality, d.country_code AS d_country, d.latitude AS d_lat, d.longitude AS d_lon, d.search AS d_search,
      CASE WHEN o.matches = 1 AND d.matches = 1 THEN
        CASE e.submodule WHEN ${PLANE} THEN ${sql.raw(GREAT_CIRCLE)} + 95 ELSE floor(${sql.raw(GREAT_CIRCLE)} * 1.2 + 0.5) END
      END AS one_trip_km
    FROM entries e
    LEFT JOIN LATERAL (${end('origin')}) o ON true
    LEFT JOIN LATERAL (${end('destination')}) d ON true
    WHERE ${sql.join(where, sql` AND `)}`;
};

/** Conditions on the computed columns of `tripsOf` (place text, haul band distances). */
function matching(c: TripCriteria): SQL {
  const where: SQL[] = [sql`true`];
  if (c.place) {
    const text = `%${likeEscape(searchText(c.place))}%`;
    const raw = `%${likeEscape(c.place.trim().toLowerCase())}%`;
    where.push(sql`(t.o_search LIKE ${text} OR t.d_search LIKE ${text}
      OR lower(coalesce(t.data->>'origin_iata', t.data->>'origin_name', '')) LIKE ${raw}
      OR lower(coalesce(t.data->>'destination_iata', t.data->>'destination_name', '')) LIKE ${raw})`);
  }
  if (c.oneTripKm === null) where.push(sql`false`);
  else if (c.oneTripKm) {
    const { min, max, exclude } = c.oneTripKm;
    where.push(sql`t.one_trip_km >= ${min} AND t.one_trip_km < ${max}`);
    for (const x of exclude) where.push(sql`NOT (t.one_trip_km >= ${x.min} AND t.one_trip_km < ${x.max})`);
  }
  return sql.join(where, sql` AND `);
}

const SORT: Record<TripPageCriteria['sort'], string> = {
  departureDate: `t.data->>'departure_date'`,
  createdAt: 't.created_at',
  distanceKm: 't.one_trip_km * t.trips',
  totalKgCo2eq: 't.kg',
  traveller: `t.data->>'user_institutional_id'`,
  numberOfTrips: 't.trips',
};

type Side = 'o' | 'd';
type PlaceColumns = Record<`${Side}_${'code' | 'name' | 'municipality' | 'country' | 'lat' | 'lon'}`, unknown>;

function place(r: PlaceColumns, side: Side): TripPlace | null {
  const code = r[`${side}_code`];
  if (typeof code !== 'string') return null;
  return {
    code,
    name: String(r[`${side}_name`]),
    municipality: (r[`${side}_municipality`] as string | null) ?? null,
    countryCode: String(r[`${side}_country`]),
    latitude: Number(r[`${side}_lat`]),
    longitude: Number(r[`${side}_lon`]),
  };
}

/** Reads trips of the professional-travel module: plane and train entries with their places, filtered and sorted in SQL. */
export function createTripRepository(db: Database): TripStore {
  return {
    async page(where: ReportModuleKey, c: TripPageCriteria) {
      const reportModuleId = await findReportModuleId(db, where);
      if (!reportModuleId) return { rows: [], total: 0, sums: { entries: 0, numberOfTrips: 0, distanceKm: 0, kgCo2eq: 0 } };
      const dir = sql.raw(c.order === 'desc' ? 'DESC' : 'ASC');
      const [page, sums] = await Promise.all([
        db.execute<PlaceColumns & { id: string }>(sql`
          SELECT t.id, t.o_code, t.o_name, t.o_municipality, t.o_country, t.o_lat, t.o_lon, t.d_code, t.d_name, t.d_municipality, t.d_country, t.d_lat, t.d_lon
          FROM (${tripsOf(reportModuleId, c)}) t WHERE ${matching(c)}
          ORDER BY ${sql.raw(SORT[c.sort])} ${dir} NULLS LAST, t.created_at ${dir}, t.id ${dir}
          LIMIT ${c.pageSize} OFFSET ${(c.page - 1) * c.pageSize}`),
        db.execute<{ entries: string; trips: string | null; distance: string | null; kg: number | null }>(sql`
          SELECT count(*) AS entries, sum(t.trips) AS trips, sum(t.one_trip_km * t.trips) AS distance, sum(t.kg) AS kg
          FROM (${tripsOf(reportModuleId, c)}) t WHERE ${matching(c)}`),
      ]);
      const ids = page.rows.map((r) => r.id);
      const stored = ids.length ? await withEmissions(db, await db.select().from(entries).where(inArray(entries.id, ids))) : [];
      const byId = new Map(stored.map((e) => [e.id, e]));
      const factorIds = [...new Set(stored.flatMap((e) => e.emissions.flatMap((x) => (x.factorId ? [x.factorId] : []))))];
      const factorRows = factorIds.length
        ? await db.select({ id: factors.id, year: factors.year, classification: factors.classification, unit: factors.unit, source: factors.source }).from(factors).where(inArray(factors.id, factorIds))
        : [];
      const factorById = new Map(factorRows.map((f) => [f.id, f as TripFactorRow]));
      const rows: TripRow[] = page.rows.flatMap((r) => {
        const entry = byId.get(r.id);
        const factorId = entry?.emissions[0]?.factorId;
        return entry ? [{ entry, origin: place(r, 'o'), destination: place(r, 'd'), factor: (factorId && factorById.get(factorId)) || null }] : [];
      });
      const s = sums.rows[0];
      const total = Number(s?.entries ?? 0);
      return { rows, total, sums: { entries: total, numberOfTrips: Number(s?.trips ?? 0), distanceKm: Number(s?.distance ?? 0), kgCo2eq: Number(s?.kg ?? 0) } };
    },

    async routes(where: ReportModuleKey, c: TripCriteria): Promise<TripRouteRow[]> {
      const reportModuleId = await findReportModuleId(db, where);
      if (!reportModuleId) return [];
      const label = (side: 'origin' | 'destination') => sql.raw(`coalesce(t.data->>'${side}_iata', t.data->>'${side}_name', '?')`);
      const hint = (side: 'origin' | 'destination') => sql.raw(`t.data->>'${side}_country_code'`);
      const result = await db.execute<PlaceColumns & Record<string, unknown>>(sql`
        SELECT t.submodule, t.o_code, t.o_name, t.o_municipality, t.o_country, t.o_lat, t.o_lon, t.d_code, t.d_name, t.d_municipality, t.d_country, t.d_lat, t.d_lon,
          ${label('origin')} AS o_label, ${label('destination')} AS d_label, ${hint('origin')} AS o_hint, ${hint('destination')} AS d_hint,
          coalesce(t.data->>'user_institutional_id', '') AS traveller, coalesce(t.data->>'cabin_class', '') AS cabin_class,
          count(*) AS entries, sum(t.trips) AS trips, sum(t.kg) AS kg
        FROM (${tripsOf(reportModuleId, c)}) t WHERE ${matching(c)}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
        ORDER BY sum(t.kg) DESC, 14, 15`);
      return result.rows.map((r) => ({
        submodule: r.submodule as TripSubmodule,
        origin: place(r, 'o'),
        destination: place(r, 'd'),
        originLabel: String(r.o_label),
        destinationLabel: String(r.d_label),
        originCountry: (r.o_hint as string | null) ?? null,
        destinationCountry: (r.d_hint as string | null) ?? null,
        travellerId: String(r.traveller),
        cabinClass: String(r.cabin_class),
        entries: Number(r.entries),
        numberOfTrips: Number(r.trips),
        kgCo2eq: Number(r.kg),
      }));
    },
  };
}

export type TripRepository = ReturnType<typeof createTripRepository>;
