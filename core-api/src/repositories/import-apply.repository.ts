// Applies a staged import in ONE transaction: lock the touched report modules, remove what this job may have
// committed before (its deterministic id range), replace the year's CSV rows (per-year) or append
// (unit-specific), insert entries and emissions with one INSERT … SELECT each (from the engine's staged rows or
// from the set-based trip computation), refresh module totals, append one audit record.
import { assertJobRunning } from './job.repository.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { ModuleKey } from '@co2/contracts';
import type pg from 'pg';
import * as schema from '../db/schema/index.js';
import { appendAudit } from './audit.repository.js';
import type { Tx } from './executor.js';
import { lockReportModule, refreshModuleTotals } from './report-module.fragments.js';
import type { ImportMode } from '../imports/formats/types.js';
import { STAGING_TABLE as S, stagedIdRange } from './import-staging.repository.js';

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

/**
 * What the apply reads, as SQL: `modules` gives the distinct (unit_code, module) pairs; `entries` the entry
 * columns (id, unit_code, submodule, data, note, derived_from_id, kg_override, status, reason, reason_message);
 * `emissions` the emission columns (entry_id, emission_type_id … inputs).
 */
export interface StagedSources {
  modules: string;
  entries: string;
  emissions: string;
}

/** Rows the JS engine computed, staged in `import_staging` with their emissions as JSON. */
export const ENGINE_SOURCES: StagedSources = {
  modules: `SELECT DISTINCT unit_code, split_part(submodule, '/', 1) AS module FROM ${S}`,
  // Id order is (part, line): parents before derived rows, and B-tree inserts that stay local.
  entries: `SELECT id, unit_code, submodule, data, note, derived_from_id, kg_override, status, reason, reason_message FROM ${S} ORDER BY id`,
  emissions: `SELECT s.id AS entry_id, e."emissionTypeId", e."emissionType", e.scope, e.category, e.additional, e."kgCo2eq", e."factorId", e."factorYear",
                e.quantity, e."quantityUnit", e.formula, coalesce(e.inputs, '{}'::jsonb)
              FROM ${S} s CROSS JOIN LATERAL jsonb_to_recordset(s.emissions) AS e("emissionTypeId" int, "emissionType" text, scope smallint,
                category text, additional boolean, "kgCo2eq" float8, "factorId" uuid, "factorYear" int, quantity float8, "quantityUnit" text,
                formula text, inputs jsonb)
              ORDER BY s.id`,
};

/** Raw SQL on the transaction's own connection (drizzle runs BEGIN … COMMIT on this same client). */
type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * Locks (creating when missing) the report module of every staged (unit, module) and lists them in the small
 * temp table `import_modules`, which the entry insert joins (no update of the staged rows).
 */
async function bindModules(tx: Tx, rowsOf: Query, year: number, modules: string): Promise<Set<string>> {
  const pairs = await rowsOf<{ unit_id: string | null; unit_code: string; module: ModuleKey }>(
    `SELECT k.unit_code, u.id AS unit_id, k.module FROM (${modules}) k LEFT JOIN units u ON u.code = k.unit_code ORDER BY 1, 3`,
  );
  const missing = pairs.filter((p) => !p.unit_id).map((p) => p.unit_code);
  if (missing.length > 0) throw new Error(`units no longer exist: ${[...new Set(missing)].join(', ')}`);
  const bound: { unit_code: string; module: string; id: string }[] = [];
  for (const p of pairs) bound.push({ unit_code: p.unit_code, module: p.module, id: await lockReportModule(tx, { unitId: p.unit_id as string, year, module: p.module }) });
  await rowsOf(`DROP TABLE IF EXISTS pg_temp.import_modules`);
  await rowsOf(`CREATE TEMP TABLE import_modules (unit_code text, module text, report_module_id uuid NOT NULL, PRIMARY KEY (unit_code, module))`);
  await rowsOf(`INSERT INTO import_modules SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])`, [
    bound.map((b) => b.unit_code), bound.map((b) => b.module), bound.map((b) => b.id),
  ]);
  return new Set(bound.map((b) => b.id));
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
  const [deleted] = await rowsOf<{ n: number }>(
    `WITH d AS (DELETE FROM entries e WHERE e.report_module_id = ANY($1::uuid[]) AND e.source = 'csv_year' AND e.submodule = ANY($2::text[]) RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [locked.map((r) => r.id), submodules],
  );
  return { n: deleted?.n ?? 0, modules: locked.map((r) => r.id) };
}

export async function applyStaged(client: pg.PoolClient, o: ApplyOptions, sources: StagedSources = ENGINE_SOURCES): Promise<ApplyOutcome> {
  const db = drizzle(client, { schema });
  const rowsOf: Query = async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
  const countOf = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rowCount ?? 0;
  return db.transaction(async (tx) => {
    // An abort that lands while the file streamed (or while this runs) wins; the row is locked only at the end.
    await assertJobRunning(client, o.jobId, { lock: false });
    const touched = await bindModules(tx, rowsOf, o.year, sources.modules);
    // Idempotence: an earlier attempt of this job that committed left rows in this job's id range (derived
    // rows go with their source by the FK cascade); one index range scan whatever the size of entries.
    const { lo, hi } = stagedIdRange(o.jobId);
    const again = await rowsOf<{ report_module_id: string; n: number }>(
      `WITH d AS (DELETE FROM entries WHERE id BETWEEN $1::uuid AND $2::uuid AND derived_from_id IS NULL RETURNING report_module_id)
       SELECT report_module_id, count(*)::int AS n FROM d GROUP BY 1`,
      [lo, hi],
    );
    for (const r of again) touched.add(r.report_module_id);
    let replaced = 0;
    if (o.mode === 'per-year') {
      const previous = await removePreviousYearImport(rowsOf, o.year, o.replaces);
      replaced = previous.n;
      for (const id of previous.modules) touched.add(id);
    }
    const source = o.mode === 'per-year' ? 'csv_year' : 'csv_unit';
    const inserted = await countOf(
      `INSERT INTO entries (id, report_module_id, submodule, data, note, source, author_id, derived_from_id, kg_override, status, reason, reason_message)
       SELECT e.id, m.report_module_id, e.submodule, e.data, e.note, CASE WHEN e.derived_from_id IS NULL THEN $1 ELSE 'derived' END, $2::uuid,
              e.derived_from_id, e.kg_override, e.status, e.reason, e.reason_message
       FROM (${sources.entries}) e JOIN import_modules m ON m.unit_code = e.unit_code AND m.module = split_part(e.submodule, '/', 1)`,
      [source, o.actor?.id ?? null],
    );
    await countOf(
      `INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id, factor_year, quantity, quantity_unit, formula, inputs)
       ${sources.emissions}`,
    );
    await assertJobRunning(client, o.jobId, { lock: true });
    for (const id of [...touched].sort()) await refreshModuleTotals(tx, id);
    const outcome: ApplyOutcome = { inserted, replaced, reapplied: again.reduce((n, r) => n + r.n, 0), modules: touched.size };
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
