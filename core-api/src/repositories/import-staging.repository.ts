// The session-local staging table of one import: accepted, computed rows land here batch by batch (one
// set-based INSERT … SELECT FROM unnest per batch), and the apply moves them into entries in one transaction.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { EntryResult } from '../domain/modules/engine.js';
import { emissionValues, resultColumns } from './entry.mapping.js';

export const STAGING_TABLE = 'import_staging';

/** One row to apply: an entry (or one derived from another staged entry) with its computed emissions. */
export interface StagedRow {
  id: string;
  line: number;
  unitCode: string;
  submodule: string;
  data: Record<string, unknown>;
  note: string | null;
  kgOverride: number | null;
  result: EntryResult;
  derivedFromId: string | null;
}

/**
 * Entry ids derived from the job id and the row's line: re-running the same job stages the same ids, so the
 * apply can delete what a crashed earlier attempt committed before inserting (exactly one copy).
 */
export function stagedId(jobId: string, line: number, part = 'entry'): string {
  const h = createHash('sha1').update(`${jobId}:${line}:${part}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Creates the (temporary, unlogged by nature) staging table on this connection, empty. */
export async function createStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${STAGING_TABLE}`);
  await client.query(`CREATE TEMP TABLE ${STAGING_TABLE} (
    id uuid PRIMARY KEY, line int NOT NULL, unit_code text NOT NULL, submodule text NOT NULL, data jsonb NOT NULL,
    note text, kg_override float8, status text NOT NULL, reason text, reason_message text, total_kg float8 NOT NULL,
    emissions jsonb NOT NULL, derived_from_id uuid, report_module_id uuid)`);
}

export async function dropStaging(client: pg.PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${STAGING_TABLE}`);
}

/** Appends one batch with a single statement (arrays unnested server-side; no per-row round trip). */
export async function stageRows(client: pg.PoolClient, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = rows.map((r) => {
    const res = resultColumns(r.result);
    const emissions = emissionValues(r.id, r.result).map(({ entryId: _entryId, ...e }) => e);
    return [r.id, r.line, r.unitCode, r.submodule, JSON.stringify(r.data), r.note, r.kgOverride, res.status, res.reason, res.reasonMessage, res.totalKg, JSON.stringify(emissions), r.derivedFromId] as const;
  });
  const column = (i: number) => cols.map((c) => c[i]);
  await client.query(
    `INSERT INTO ${STAGING_TABLE} (id, line, unit_code, submodule, data, note, kg_override, status, reason, reason_message, total_kg, emissions, derived_from_id)
     SELECT id, line, unit_code, submodule, data::jsonb, note, kg_override, status, reason, reason_message, total_kg, emissions::jsonb, derived_from_id
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::text[],
                 $11::float8[], $12::text[], $13::uuid[])
       AS s(id, line, unit_code, submodule, data, note, kg_override, status, reason, reason_message, total_kg, emissions, derived_from_id)`,
    Array.from({ length: 13 }, (_, i) => column(i)),
  );
}
