// Staging and apply of a reference-data import. Accepted rows land in a session TEMP table per target table
// (one INSERT … SELECT FROM unnest per batch); the apply upserts them on each table's natural key in ONE
// transaction, never deletes (other data references these rows), and counts inserted / updated / unchanged.
import { assertJobRunning } from './job.repository.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../db/schema/index.js';
import type { ReferenceRow, ReferenceTable } from '../imports/reference/types.js';
import { appendAudit } from './audit.repository.js';

type PgType = 'text' | 'float8' | 'int' | 'bool';

interface TableSpec {
  /** Columns staged and written, by their name in the target table (= the keys of a `ReferenceRow`). */
  columns: readonly (readonly [string, PgType])[];
  /** The natural key (a unique constraint of the table): the ON CONFLICT target. */
  key: readonly string[];
}

const SPECS: Record<ReferenceTable, TableSpec> = {
  airports: {
    columns: [['iata', 'text'], ['name', 'text'], ['municipality', 'text'], ['country_code', 'text'], ['latitude', 'float8'], ['longitude', 'float8'], ['kind', 'text'], ['search', 'text']],
    key: ['iata'],
  },
  train_stations: {
    columns: [['location_key', 'text'], ['name', 'text'], ['country_code', 'text'], ['latitude', 'float8'], ['longitude', 'float8'], ['search', 'text']],
    key: ['location_key'],
  },
  building_rooms: {
    columns: [['building_location', 'text'], ['building_name', 'text'], ['room_name', 'text'], ['room_type', 'text'], ['surface_m2', 'float8']],
    key: ['building_name', 'room_name'],
  },
  fx_rates: { columns: [['year', 'int'], ['currency', 'text'], ['rate_per_eur', 'float8'], ['source', 'text']], key: ['year', 'currency'] },
  price_indices: { columns: [['currency', 'text'], ['year', 'int'], ['value', 'float8'], ['source', 'text']], key: ['currency', 'year'] },
  // Units are staged with the parent's code; level and path are set by the tree check before the apply.
  units: {
    columns: [['code', 'text'], ['name', 'text'], ['name_fr', 'text'], ['name_de', 'text'], ['parent_code', 'text'], ['active', 'bool'], ['level', 'int']],
    key: ['code'],
  },
};

const staging = (table: ReferenceTable) => `reference_staging_${table}`;

export interface StagedReferenceRow {
  line: number;
  target: string;
  value: ReferenceRow;
}

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ReferenceApplyOutcome extends TableCounts {
  tables: Partial<Record<ReferenceTable, TableCounts>>;
  /** Units not in the file whose path and level changed because an ancestor moved. */
  relinked: number;
}

/** Creates the (empty) TEMP staging tables of the given target tables on this connection. */
export async function createReferenceStaging(client: pg.PoolClient, tables: readonly ReferenceTable[]): Promise<void> {
  for (const table of tables) {
    const cols = SPECS[table].columns.map(([name, type]) => `${name} ${type}`).join(', ');
    const extra = table === 'units' ? ', path text[], id uuid' : '';
    await client.query(`DROP TABLE IF EXISTS pg_temp.${staging(table)}`);
    await client.query(`CREATE TEMP TABLE ${staging(table)} (line int PRIMARY KEY, ${cols}${extra})`);
  }
}

export async function dropReferenceStaging(client: pg.PoolClient, tables: readonly ReferenceTable[]): Promise<void> {
  for (const table of tables) await client.query(`DROP TABLE IF EXISTS pg_temp.${staging(table)}`);
}

/** Appends one batch: one statement per target table, arrays unnested server-side. */
export async function stageReferenceRows(client: pg.PoolClient, rows: readonly StagedReferenceRow[]): Promise<void> {
  const byTable = new Map<ReferenceTable, StagedReferenceRow[]>();
  for (const r of rows) {
    const table = r.target as ReferenceTable;
    if (!(table in SPECS)) throw new Error(`no staging for target ${r.target}`);
    const list = byTable.get(table);
    if (list) list.push(r);
    else byTable.set(table, [r]);
  }
  for (const [table, batch] of byTable) {
    const { columns } = SPECS[table];
    const names = columns.map(([name]) => name);
    const casts = ['$1::int[]', ...columns.map(([, type], i) => `$${i + 2}::${type}[]`)];
    await client.query(`INSERT INTO ${staging(table)} (line, ${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, [
      batch.map((r) => r.line),
      ...names.map((name) => batch.map((r) => r.value[name] ?? null)),
    ]);
  }
}

/** The current hierarchy as (code, parent code) pairs, for the tree check. */
export async function loadUnitTree(client: pg.PoolClient): Promise<{ code: string; parentCode: string | null }[]> {
  const { rows } = await client.query<{ code: string; parent_code: string | null }>(
    'SELECT u.code, p.code AS parent_code FROM units u LEFT JOIN units p ON p.id = u.parent_id',
  );
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code }));
}

/** Keeps only the staged units the tree check placed, and records their level and path. */
export async function placeStagedUnits(client: pg.PoolClient, placed: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const S = staging('units');
  const codes = [...placed.keys()];
  // Codes never contain the unit separator (U+001F): it joins a path into one text for the unnest.
  const paths = codes.map((c) => (placed.get(c) ?? []).join('\u001f'));
  await client.query(`DELETE FROM ${S} WHERE code <> ALL($1::text[])`, [codes]);
  await client.query(
    `UPDATE ${S} s SET path = string_to_array(p.path, E'\\x1f'), level = cardinality(string_to_array(p.path, E'\\x1f'))
     FROM unnest($1::text[], $2::text[]) AS p(code, path) WHERE p.code = s.code`,
    [codes, paths],
  );
}

type Query = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

async function countStaged(rowsOf: Query, table: ReferenceTable): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(`SELECT count(*)::int AS n FROM ${staging(table)}`);
  return row?.n ?? 0;
}

const counts = (staged: number, written: { inserted: boolean }[]): TableCounts => {
  const inserted = written.filter((w) => w.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: staged - written.length };
};

/** Upserts a plain table; an update happens only when a value differs (so a re-run changes nothing). */
async function upsertTable(rowsOf: Query, table: Exclude<ReferenceTable, 'units'>): Promise<TableCounts> {
  const { columns, key } = SPECS[table];
  const names = columns.map(([name]) => name);
  const rest = names.filter((n) => !key.includes(n));
  const written = await rowsOf<{ inserted: boolean }>(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${staging(table)} ORDER BY line
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${rest.map((n) => `${n} = excluded.${n}`).join(', ')}
     WHERE (${rest.map((n) => `${table}.${n}`).join(', ')}) IS DISTINCT FROM (${rest.map((n) => `excluded.${n}`).join(', ')})
     RETURNING (xmax = 0) AS inserted`,
  );
  return counts(await countStaged(rowsOf, table), written);
}

/**
 * Units: ids are fixed first (existing id, else a new one) so that a child can name a parent inserted by the
 * same statement (the foreign key is checked at the end of the statement). Then every unit not in the file
 * below a moved one gets its path and level again from the tree.
 */
async function upsertUnits(rowsOf: Query): Promise<{ counts: TableCounts; relinked: number }> {
  const S = staging('units');
  await rowsOf(`UPDATE ${S} s SET id = coalesce((SELECT u.id FROM units u WHERE u.code = s.code), gen_random_uuid())`);
  const written = await rowsOf<{ inserted: boolean }>(
    `INSERT INTO units (id, code, name, name_fr, name_de, level, parent_id, path, active)
     SELECT s.id, s.code, s.name, s.name_fr, s.name_de, s.level, coalesce(ps.id, pu.id), s.path, coalesce(s.active, cur.active, true)
     FROM ${S} s LEFT JOIN ${S} ps ON ps.code = s.parent_code LEFT JOIN units pu ON pu.code = s.parent_code LEFT JOIN units cur ON cur.code = s.code
     ORDER BY s.level, s.line
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_fr = excluded.name_fr, name_de = excluded.name_de, level = excluded.level,
       parent_id = excluded.parent_id, path = excluded.path, active = excluded.active, updated_at = now()
     WHERE (units.name, units.name_fr, units.name_de, units.level, units.parent_id, units.path, units.active)
       IS DISTINCT FROM (excluded.name, excluded.name_fr, excluded.name_de, excluded.level, excluded.parent_id, excluded.path, excluded.active)
     RETURNING (xmax = 0) AS inserted`,
  );
  const relinked = await rowsOf<{ id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id, ARRAY[code] AS path FROM units WHERE parent_id IS NULL
       UNION ALL
       SELECT u.id, t.path || u.code FROM units u JOIN tree t ON u.parent_id = t.id
     )
     UPDATE units u SET path = t.path, level = cardinality(t.path), updated_at = now()
     FROM tree t WHERE t.id = u.id AND u.path IS DISTINCT FROM t.path RETURNING u.id`,
  );
  return { counts: counts(await countStaged(rowsOf, 'units'), written), relinked: relinked.length };
}

export interface ReferenceApplyOptions {
  jobId: string;
  kind: string;
  tables: readonly ReferenceTable[];
  /** The import's year (FX rates, price indices), for the audit record. */
  year?: number | null;
  actor?: { id: string; subject: string } | null;
}

/** Applies every staged table in ONE transaction, with one audit record; a failure leaves every table as it was. */
export async function applyReferenceStaged(client: pg.PoolClient, o: ReferenceApplyOptions): Promise<ReferenceApplyOutcome> {
  const db = drizzle(client, { schema });
  const rowsOf: Query = async (text, params = []) => (await client.query(text, params)).rows;
  return db.transaction(async (tx) => {
    // An abort that landed while the file streamed wins: checked now without a lock, and again under the row
    // lock at the end. The lock is taken last so the runner's lease heartbeat never waits behind the upserts.
    await assertJobRunning(client, o.jobId, { lock: false });
    const outcome: ReferenceApplyOutcome = { inserted: 0, updated: 0, unchanged: 0, tables: {}, relinked: 0 };
    for (const table of o.tables) {
      let c: TableCounts;
      if (table === 'units') {
        const units = await upsertUnits(rowsOf);
        c = units.counts;
        outcome.relinked = units.relinked;
      } else {
        c = await upsertTable(rowsOf, table);
      }
      outcome.tables[table] = c;
      outcome.inserted += c.inserted;
      outcome.updated += c.updated;
      outcome.unchanged += c.unchanged;
    }
    await appendAudit(tx, {
      actor: o.actor ?? null,
      action: 'reference-import.apply',
      entityType: 'data_ingestion_job',
      entityId: o.jobId,
      year: o.year ?? null,
      after: { kind: o.kind, ...outcome },
    });
    await assertJobRunning(client, o.jobId, { lock: true });
    return outcome;
  });
}

