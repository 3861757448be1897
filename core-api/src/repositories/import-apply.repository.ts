// Applies a staged import in ONE transaction: lock the touched report modules, remove what this job may have
// committed before (same deterministic ids), replace the year's CSV rows (per-year) or append (unit-specific),
// insert entries and emissions set-based, refresh module totals, append one audit record.
import { drizzle } from 'drizzle-orm/node-postgres';
import type { ModuleKey } from '@co2/contracts';
import type pg from 'pg';
import * as schema from '../db/schema/index.js';
import { appendAudit } from './audit.repository.js';
import type { Tx } from './executor.js';
import { lockReportModule, refreshModuleTotals } from './report-module.fragments.js';
import type { ImportMode } from '../imports/formats/types.js';
import { STAGING_TABLE as S } from './import-staging.repository.js';

export interface ApplyOptions {
  jobId: string;
  mode: ImportMode;
  year: number;
  format: string;
  /** Submodules whose previously imported rows of the year a per-year import replaces. */
  replaces: readonly string[];
  actor?: { id: string; subject: string } | null;
}

export interface ApplyOutcome {
  inserted: number;
  /** Rows of earlier per-year imports removed (not counting this job's own earlier attempt). */
  replaced: number;
  /** Rows a previous attempt of this same job had committed (removed, then inserted again). */
  reapplied: number;
  modules: number;
}

/** Raw SQL on the transaction's own connection (drizzle runs BEGIN … COMMIT on this same client). */
type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Locks (creating when missing) the report module of every staged (unit, module) and records it on the rows. */
async function bindModules(tx: Tx, rowsOf: Query, year: number): Promise<Set<string>> {
  const pairs = await rowsOf<{ unit_id: string | null; unit_code: string; module: ModuleKey }>(
    `SELECT DISTINCT s.unit_code, u.id AS unit_id, split_part(s.submodule, '/', 1) AS module
     FROM ${S} s LEFT JOIN units u ON u.code = s.unit_code ORDER BY 1, 3`,
  );
  const missing = pairs.filter((p) => !p.unit_id).map((p) => p.unit_code);
  if (missing.length > 0) throw new Error(`units no longer exist: ${[...new Set(missing)].join(', ')}`);
  const ids = new Set<string>();
  for (const p of pairs) {
    const id = await lockReportModule(tx, { unitId: p.unit_id as string, year, module: p.module });
    ids.add(id);
    await rowsOf(`UPDATE ${S} SET report_module_id = $1 WHERE unit_code = $2 AND split_part(submodule, '/', 1) = $3`, [id, p.unit_code, p.module]);
  }
  return ids;
}

/** Per-year: removes every unit's CSV-per-year rows of the year and submodules (derived rows go with them). */
async function removePreviousYearImport(rowsOf: Query, year: number, submodules: readonly string[]): Promise<{ n: number; modules: string[] }> {
  const locked = await rowsOf<{ id: string }>(
    `SELECT rm.id FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id
     WHERE cr.year = $1 AND EXISTS (SELECT 1 FROM entries e WHERE e.report_module_id = rm.id AND e.source = 'csv_year' AND e.submodule = ANY($2::text[]))
     ORDER BY rm.id FOR UPDATE OF rm`,
    [year, submodules],
  );
  if (locked.length === 0) return { n: 0, modules: [] };
  const deleted = await rowsOf<{ id: string }>(
    `DELETE FROM entries e WHERE e.report_module_id = ANY($1::uuid[]) AND e.source = 'csv_year' AND e.submodule = ANY($2::text[]) RETURNING e.id`,
    [locked.map((r) => r.id), submodules],
  );
  return { n: deleted.length, modules: locked.map((r) => r.id) };
}

export async function applyStaged(client: pg.PoolClient, o: ApplyOptions): Promise<ApplyOutcome> {
  const db = drizzle(client, { schema });
  const rowsOf: Query = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
  return db.transaction(async (tx) => {
    // An abort that lands while the file streamed must win: the job row is locked until this commits.
    const [job] = await rowsOf<{ state: string }>(`SELECT state FROM data_ingestion_jobs WHERE id = $1::uuid FOR UPDATE`, [o.jobId]);
    if (job && job.state !== 'running') throw new Error(`the job is ${job.state}: nothing was applied`);
    const touched = await bindModules(tx, rowsOf, o.year);
    // Idempotence: an earlier attempt of this job that committed left rows with exactly these ids.
    const again = await rowsOf<{ report_module_id: string }>(
      `DELETE FROM entries WHERE id IN (SELECT id FROM ${S} WHERE derived_from_id IS NULL) RETURNING report_module_id`,
    );
    let replaced = 0;
    if (o.mode === 'per-year') {
      const previous = await removePreviousYearImport(rowsOf, o.year, o.replaces);
      replaced = previous.n;
      for (const id of previous.modules) touched.add(id);
    }
    const source = o.mode === 'per-year' ? 'csv_year' : 'csv_unit';
    const inserted = await rowsOf<{ id: string }>(
      `INSERT INTO entries (id, report_module_id, submodule, data, note, source, author_id, derived_from_id, kg_override, status, reason, reason_message, total_kg)
       SELECT id, report_module_id, submodule, data, note, CASE WHEN derived_from_id IS NULL THEN $1 ELSE 'derived' END, $2::uuid,
              derived_from_id, kg_override, status, reason, reason_message, total_kg
       FROM ${S} ORDER BY derived_from_id NULLS FIRST, line RETURNING id`,
      [source, o.actor?.id ?? null],
    );
    await rowsOf(
      `INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id, factor_year, quantity, quantity_unit, formula, inputs)
       SELECT s.id, e."emissionTypeId", e."emissionType", e.scope, e.category, e.additional, e."kgCo2eq", e."factorId", e."factorYear",
              e.quantity, e."quantityUnit", e.formula, coalesce(e.inputs, '{}'::jsonb)
       FROM ${S} s CROSS JOIN LATERAL jsonb_to_recordset(s.emissions) AS e("emissionTypeId" int, "emissionType" text, scope smallint,
         category text, additional boolean, "kgCo2eq" float8, "factorId" uuid, "factorYear" int, quantity float8, "quantityUnit" text,
         formula text, inputs jsonb)
       ORDER BY s.line`,
    );
    for (const id of [...touched].sort()) await refreshModuleTotals(tx, id);
    const outcome: ApplyOutcome = { inserted: inserted.length, replaced, reapplied: again.length, modules: touched.size };
    await appendAudit(tx, {
      actor: o.actor ?? null,
      action: 'import.apply',
      entityType: 'data_ingestion_job',
      entityId: o.jobId,
      year: o.year,
      after: { format: o.format, mode: o.mode, ...outcome },
    });
    return outcome;
  });
}
