// Plane trips computed set-based: accepted rows are COPYed raw into `import_trips`; what depends on the airport
// pair (distance, haul band) is computed once per DISTINCT pair and what depends on (band, cabin class) once per
// factor, both by the engine's own functions (imports/jobs/plane-trips.ts); the per-row arithmetic, the reasons
// and the emission rows are SQL over the view `import_trips_computed`, read by the apply's INSERT … SELECTs.
import type pg from 'pg';
import { TRIP_TABLES } from './import-staging.repository.js';

export const TRIPS_TABLE = 'import_trips';

/** Columns of one COPY line of `import_trips` (see `tripLine` in plane-trips.ts). */
export const TRIPS_COPY = `COPY ${TRIPS_TABLE} (line, unit_code, data, note, kg_override, origin, destination, cabin, trips) FROM STDIN`;

export async function createTripStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${TRIP_TABLES.map((t) => `pg_temp.${t}`).join(', ')} CASCADE`);
  await client.query(`CREATE TEMP TABLE ${TRIPS_TABLE} (
    line int NOT NULL, unit_code text NOT NULL, data jsonb NOT NULL, note text, kg_override float8,
    origin text NOT NULL, destination text NOT NULL, cabin text NOT NULL, trips int NOT NULL)`);
}

export interface TripPair {
  origin: string;
  destination: string;
  origin_lat: number | null;
  origin_lon: number | null;
  destination_lat: number | null;
  destination_lon: number | null;
}

/** The distinct airport pairs of the staged trips, with the coordinates of the known airports. */
export async function stagedTripPairs(client: pg.PoolClient): Promise<TripPair[]> {
  const { rows } = await client.query<TripPair>(
    `WITH p AS (SELECT DISTINCT origin, destination FROM ${TRIPS_TABLE})
     SELECT p.origin, p.destination, o.latitude AS origin_lat, o.longitude AS origin_lon, d.latitude AS destination_lat, d.longitude AS destination_lon
     FROM p LEFT JOIN airports o ON o.iata = p.origin LEFT JOIN airports d ON d.iata = p.destination`,
  );
  return rows;
}

/** Per pair: known ends, great circle, one trip (+95 km) and haul band, as the engine computed them. */
export interface PairDistance {
  origin: string;
  destination: string;
  originKnown: boolean;
  destinationKnown: boolean;
  greatCircleKm: number | null;
  oneTripKm: number | null;
  band: string | null;
}

/** Per (band, cabin class): the factor the engine's lookup picks (ef null = the factor has no ef value). */
export interface BandFactor {
  band: string;
  cabin: string;
  factorId: string;
  factorYear: number;
  ef: number | null;
  rfi: number;
  haulCategory: string;
}

/** Per cabin class: the emission leaf and its tree position. */
export interface CabinLeaf {
  cabin: string;
  emissionTypeId: number;
  emissionType: string;
  scope: number;
  category: string;
  additional: boolean;
}

const chunks = <T>(xs: readonly T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/** Writes the per-pair and per-factor results and defines `import_trips_computed` over them. */
export async function defineTripComputation(
  client: pg.PoolClient,
  input: { pairs: readonly PairDistance[]; factors: readonly BandFactor[]; leaves: readonly CabinLeaf[] },
): Promise<void> {
  await client.query(`CREATE TEMP TABLE import_trip_pairs (origin text, destination text, origin_known boolean NOT NULL, destination_known boolean NOT NULL,
    gc_km int, one_trip_km int, band text, PRIMARY KEY (origin, destination))`);
  for (const part of chunks(input.pairs, 20_000)) {
    await client.query(
      `INSERT INTO import_trip_pairs SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::boolean[], $5::int[], $6::int[], $7::text[])`,
      [part.map((p) => p.origin), part.map((p) => p.destination), part.map((p) => p.originKnown), part.map((p) => p.destinationKnown),
        part.map((p) => p.greatCircleKm), part.map((p) => p.oneTripKm), part.map((p) => p.band)],
    );
  }
  await client.query(`CREATE TEMP TABLE import_trip_factors (band text, cabin text, factor_id uuid NOT NULL, factor_year int NOT NULL, ef float8, rfi float8 NOT NULL,
    haul_category text NOT NULL, PRIMARY KEY (band, cabin))`);
  const f = input.factors;
  await client.query(`INSERT INTO import_trip_factors SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[], $5::float8[], $6::float8[], $7::text[])`, [
    f.map((x) => x.band), f.map((x) => x.cabin), f.map((x) => x.factorId), f.map((x) => x.factorYear), f.map((x) => x.ef), f.map((x) => x.rfi), f.map((x) => x.haulCategory),
  ]);
  await client.query(`CREATE TEMP TABLE import_trip_leaves (cabin text PRIMARY KEY, emission_type_id int NOT NULL, emission_type text NOT NULL, scope smallint NOT NULL,
    category text NOT NULL, additional boolean NOT NULL)`);
  const l = input.leaves;
  await client.query(`INSERT INTO import_trip_leaves SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::smallint[], $5::text[], $6::boolean[])`, [
    l.map((x) => x.cabin), l.map((x) => x.emissionTypeId), l.map((x) => x.emissionType), l.map((x) => x.scope), l.map((x) => x.category), l.map((x) => x.additional),
  ]);
  await client.query('ANALYZE import_trip_pairs, import_trip_factors, import_trip_leaves');
  // The engine's order: a given kg wins; then the origin, the destination, the band, the factor, its ef value
  // (engine.ts, professional-travel/prepare.ts, lookup.ts, compute.ts). kg = (distance × ef) × rfi, as in JS.
  await client.query(`CREATE TEMP VIEW import_trips_computed AS
    SELECT t.line, t.unit_code, t.data, t.note, t.kg_override, t.trips, p.gc_km, p.one_trip_km, p.one_trip_km * t.trips AS distance_km,
           f.factor_id, f.factor_year, f.ef, f.rfi, f.haul_category,
           l.emission_type_id, l.emission_type, l.scope, l.category, l.additional,
           CASE WHEN t.kg_override IS NOT NULL THEN t.kg_override
                WHEN p.origin_known AND p.destination_known AND f.ef IS NOT NULL THEN (p.one_trip_km * t.trips)::float8 * f.ef * f.rfi END AS kg,
           CASE WHEN t.kg_override IS NOT NULL THEN NULL
                WHEN NOT (p.origin_known AND p.destination_known) THEN 'missing_location'
                WHEN f.ef IS NULL THEN 'missing_factor' END AS reason,
           CASE WHEN t.kg_override IS NOT NULL THEN NULL
                WHEN NOT p.origin_known THEN 'unknown airport ' || t.origin
                WHEN NOT p.destination_known THEN 'unknown airport ' || t.destination
                WHEN p.band IS NULL THEN 'no plane factor band holds ' || p.one_trip_km || ' km'
                WHEN f.band IS NULL THEN 'no plane factor for ' || p.band || ', ' || t.cabin
                WHEN f.ef IS NULL THEN 'the plane factor has no ef_kg_co2eq_per_km' END AS reason_message
    FROM ${TRIPS_TABLE} t
    JOIN import_trip_pairs p ON p.origin = t.origin AND p.destination = t.destination
    LEFT JOIN import_trip_factors f ON f.band = p.band AND f.cabin = t.cabin
    JOIN import_trip_leaves l ON l.cabin = t.cabin`);
}

/** The apply's sources for trips: `$prefix` is the job's id prefix (a literal: hex digits and dashes only). */
export function tripSources(idPrefix: string, idOf: (prefix: string, line: string) => string) {
  if (!/^[0-9a-f-]+$/.test(idPrefix)) throw new Error('bad id prefix');
  const id = idOf(`'${idPrefix}'`, 'c.line');
  return {
    modules: `SELECT DISTINCT unit_code, 'professional-travel' AS module FROM ${TRIPS_TABLE}`,
    entries: `SELECT ${id} AS id, c.unit_code, 'professional-travel/plane' AS submodule, c.data, c.note, NULL::uuid AS derived_from_id, c.kg_override,
                CASE WHEN c.reason IS NULL THEN 'computed' ELSE 'not_computed' END AS status, c.reason, c.reason_message
              FROM import_trips_computed c`,
    emissions: `SELECT ${id} AS entry_id, c.emission_type_id, c.emission_type, c.scope, c.category, c.additional, c.kg AS kg_co2eq,
                  CASE WHEN c.kg_override IS NULL THEN c.factor_id END AS factor_id, CASE WHEN c.kg_override IS NULL THEN c.factor_year END AS factor_year,
                  CASE WHEN c.kg_override IS NULL THEN c.distance_km::float8 END AS quantity, CASE WHEN c.kg_override IS NULL THEN 'km' END AS quantity_unit,
                  CASE WHEN c.kg_override IS NULL THEN 'distance_km × ef_kg_co2eq_per_km × rfi_adjustment' ELSE 'kg_co2eq (given)' END AS formula,
                  CASE WHEN c.kg_override IS NULL
                    THEN jsonb_build_object('great_circle_km', c.gc_km, 'one_trip_km', c.one_trip_km, 'number_of_trips', c.trips, 'distance_km', c.distance_km,
                           'haul_category', c.haul_category, 'ef_kg_co2eq_per_km', c.ef, 'rfi_adjustment', c.rfi)
                    ELSE jsonb_build_object('kg_co2eq', c.kg_override) END AS inputs
                FROM import_trips_computed c
                WHERE c.reason IS NULL`,
  };
}
