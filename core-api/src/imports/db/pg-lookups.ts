// ReferenceLookups on PostgreSQL: one set-based query per batch and kind (`= ANY($1)` / unnest), never per row.
import type pg from 'pg';
import { keyParts, type ReferenceKind, type ReferenceLookups, type ReferenceProblem } from '../lookups.js';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Keys present in the database, for airports (IATA) and units (institutional id = `units.code`). */
const PRESENT: Record<'airport' | 'unit', string> = {
  airport: 'SELECT iata AS key FROM airports WHERE iata = ANY($1::text[])',
  unit: 'SELECT code AS key FROM units WHERE code = ANY($1::text[])',
};

// Composite keys hold a NUL separator, which PostgreSQL text cannot: parts go as two arrays and rows come back
// by their position (1-based ordinality) in the caller's key list.

/** Rooms: keys `building␀room`, matched case-insensitively on building name and room name. */
const ROOMS = `
  SELECT k.i::int AS i
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(b, r, i)
  WHERE EXISTS (SELECT 1 FROM building_rooms br WHERE lower(br.building_name) = k.b AND lower(br.room_name) = k.r)`;

/** Stations: keys `name␀COUNTRY` (country may be empty = any); counts matches to tell missing from ambiguous. */
const STATIONS = `
  SELECT k.i::int AS i, count(s.id)::int AS matches
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(n, c, i)
  LEFT JOIN train_stations s ON lower(s.name) = k.n AND (k.c = '' OR s.country_code = k.c)
  GROUP BY k.i`;

/** Lookups answered by PostgreSQL: each `check` is a single query whatever the batch size. */
export function createPgLookups(db: Queryable): ReferenceLookups & { queries: () => number } {
  let queries = 0;
  return {
    queries: () => queries,
    async check(kind: ReferenceKind, keys: readonly string[]): Promise<ReadonlyMap<string, ReferenceProblem>> {
      const problems = new Map<string, ReferenceProblem>();
      if (keys.length === 0) return problems;
      queries += 1;
      if (kind === 'station') {
        const parts = keys.map(keyParts);
        const { rows } = await db.query<{ i: number; matches: number }>(STATIONS, [parts.map((p) => p[0] ?? ''), parts.map((p) => p[1] ?? '')]);
        for (const r of rows) if (r.matches !== 1) problems.set(keys[r.i - 1] as string, r.matches === 0 ? 'missing' : 'ambiguous');
        return problems;
      }
      let found: Set<string>;
      if (kind === 'room') {
        const parts = keys.map(keyParts);
        const { rows } = await db.query<{ i: number }>(ROOMS, [parts.map((p) => p[0] ?? ''), parts.map((p) => p[1] ?? '')]);
        found = new Set(rows.map((r) => keys[r.i - 1] as string));
      } else {
        const { rows } = await db.query<{ key: string }>(PRESENT[kind], [[...keys]]);
        found = new Set(rows.map((r) => r.key));
      }
      for (const key of keys) if (!found.has(key)) problems.set(key, 'missing');
      return problems;
    },
  };
}
