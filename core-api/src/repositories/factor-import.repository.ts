// SQL of the factor import, on the import's own connection inside ONE transaction (BEGIN … COMMIT by the job):
// upsert on the factor identity stamping `last_seen_job_id` and the stale list.
import type pg from 'pg';
import type { FactorRow } from '../imports/formats/index.js';

export interface UpsertedFactor {
  id: string;
  submodule: string;
  outcome: 'inserted' | 'updated' | 'unchanged';
}

/**
 * Upserts one batch on the identity (submodule, year, emission type, classification; NULLS NOT DISTINCT) and
 * stamps every listed factor with the job. `updated_at` moves only when values, unit, source or relative uncertainty change.
 */
export async function upsertFactors(client: pg.ClientBase, jobId: string, year: number, rows: readonly FactorRow[]): Promise<UpsertedFactor[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r, ord) => ({ ord, submodule: r.submodule, emission_type: r.emissionType, classification: r.classification, values: r.values, unit: r.unit, source: r.source, relative_uncertainty: r.relativeUncertainty }));
  const { rows: out } = await client.query<UpsertedFactor>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(ord int, submodule text, emission_type text, classification jsonb, "values" jsonb, unit text, source text, relative_uncertainty double precision)),
     old AS (
       SELECT i.ord, f."values", f.unit, f.source, f.relative_uncertainty FROM input i
       JOIN factors f ON f.year = $2 AND f.submodule = i.submodule AND f.emission_type IS NOT DISTINCT FROM i.emission_type
                     AND f.classification = i.classification),
     up AS (
       INSERT INTO factors (year, submodule, emission_type, classification, "values", unit, source, relative_uncertainty, last_seen_job_id)
       SELECT $2, submodule, emission_type, classification, "values", unit, source, relative_uncertainty, $3::uuid FROM input ORDER BY ord
       ON CONFLICT ON CONSTRAINT factors_identity DO UPDATE
       SET "values" = excluded."values", unit = excluded.unit, source = excluded.source, relative_uncertainty = excluded.relative_uncertainty,
           last_seen_job_id = excluded.last_seen_job_id,
           updated_at = CASE WHEN (factors."values", factors.unit, factors.source, factors.relative_uncertainty)
                                  IS DISTINCT FROM (excluded."values", excluded.unit, excluded.source, excluded.relative_uncertainty)
                        THEN now() ELSE factors.updated_at END
       RETURNING id, submodule, emission_type, classification, "values", unit, source, relative_uncertainty)
     SELECT up.id, up.submodule,
            CASE WHEN old.ord IS NULL THEN 'inserted'
                 WHEN (old."values", old.unit, old.source, old.relative_uncertainty) IS DISTINCT FROM (up."values", up.unit, up.source, up.relative_uncertainty) THEN 'updated'
                 ELSE 'unchanged' END AS outcome
     FROM up JOIN input i ON i.submodule = up.submodule AND i.emission_type IS NOT DISTINCT FROM up.emission_type AND i.classification = up.classification
     LEFT JOIN old ON old.ord = i.ord`,
    [JSON.stringify(input), year, jobId],
  );
  return out;
}

export interface StaleFactor {
  id: string;
  submodule: string;
  emissionType: string | null;
  classification: Record<string, unknown>;
}

/** Factors of the submodules and year that this import did not list: reported, never deleted. */
export async function staleFactors(client: pg.ClientBase, jobId: string, year: number, submodules: readonly string[]): Promise<StaleFactor[]> {
  const { rows } = await client.query<StaleFactor>(
    `SELECT id, submodule, emission_type AS "emissionType", classification FROM factors
     WHERE year = $1 AND submodule = ANY($2::text[]) AND last_seen_job_id IS DISTINCT FROM $3::uuid
     ORDER BY submodule, emission_type NULLS FIRST, classification::text, id`,
    [year, submodules, jobId],
  );
  return rows;
}
