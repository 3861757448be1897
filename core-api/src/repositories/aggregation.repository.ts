// Set-based refresh of the report modules' cached totals (total, entry count, and the sums by scope, category,
// emission type and submodule) — the same figures as `refreshModuleTotals`, for many modules in one statement.
import type pg from 'pg';

export interface AggregationScope {
  year: number;
  module?: string;
  unitCode?: string;
  /** Only these report modules (of the year). */
  reportModuleIds?: readonly string[];
}

export interface AggregationOutcome {
  /** Report modules in the scope. */
  modules: number;
  /** Of them, those whose cached figures were rewritten (a real change also reopens a validated module). */
  changed: number;
}

/** The cached figures changed for real (old values of `r`; float noise from another summation order is not a change). */
const SIGNIFICANT = `(r.entry_count <> fresh.entry_count OR abs(r.total_kg - fresh.total_kg) > 1e-9 * greatest(1, abs(fresh.total_kg)))`;

const jsonSums = (dimension: string, name: string) => `
  ${name} AS (
    SELECT rm, jsonb_object_agg(k, kg) AS j
    FROM (SELECT rm, ${dimension} AS k, sum(kg) AS kg FROM g GROUP BY rm, ${dimension}) x
    GROUP BY rm)`;

/**
 * Recomputes the cached totals of every report module of the scope from its entries and emission rows. Only
 * modules whose figures differ are written (and set back to in progress, as any other change of their data).
 * Runs in the caller's transaction when `client` is inside one.
 */
export async function refreshReportTotals(client: pg.ClientBase, scope: AggregationScope): Promise<AggregationOutcome> {
  const { rows } = await client.query<{ modules: number; changed: number }>(
    `WITH scope AS (
       SELECT rm.id FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
       WHERE cr.year = $1 AND ($2::text IS NULL OR rm.module = $2) AND ($3::text IS NULL OR u.code = $3)
         AND ($4::uuid[] IS NULL OR rm.id = ANY($4::uuid[]))),
     g AS MATERIALIZED (
       SELECT e.report_module_id AS rm, e.submodule, em.emission_type, em.scope, em.category, em.additional, sum(em.kg_co2eq) AS kg
       FROM entries e JOIN entry_emissions em ON em.entry_id = e.id
       WHERE e.report_module_id IN (SELECT id FROM scope)
       GROUP BY 1, 2, 3, 4, 5, 6),
     ${jsonSums('scope::text', 'by_scope')},
     ${jsonSums('category', 'by_category')},
     ${jsonSums('emission_type', 'by_type')},
     ${jsonSums('submodule', 'by_submodule')},
     tot AS (SELECT rm, sum(kg) AS total, coalesce(sum(kg) FILTER (WHERE additional), 0) AS additional FROM g GROUP BY rm),
     counts AS (SELECT report_module_id AS rm, count(*)::int AS n FROM entries WHERE report_module_id IN (SELECT id FROM scope) GROUP BY 1),
     fresh AS (
       SELECT s.id, coalesce(tot.total, 0)::float8 AS total_kg, coalesce(counts.n, 0) AS entry_count,
              jsonb_build_object('byScope', coalesce(by_scope.j, '{}'), 'byCategory', coalesce(by_category.j, '{}'),
                                 'byEmissionType', coalesce(by_type.j, '{}'), 'bySubmodule', coalesce(by_submodule.j, '{}'),
                                 'additionalKg', coalesce(tot.additional, 0)) AS totals
       FROM scope s LEFT JOIN tot ON tot.rm = s.id LEFT JOIN counts ON counts.rm = s.id
       LEFT JOIN by_scope ON by_scope.rm = s.id LEFT JOIN by_category ON by_category.rm = s.id
       LEFT JOIN by_type ON by_type.rm = s.id LEFT JOIN by_submodule ON by_submodule.rm = s.id),
     written AS (
       UPDATE report_modules r
       SET total_kg = fresh.total_kg, entry_count = fresh.entry_count, totals = fresh.totals, updated_at = now(),
           -- float noise (another summation order) rewrites the cache but does not reopen a validated module
           status = CASE WHEN ${SIGNIFICANT} THEN 'in_progress' ELSE r.status END,
           validated_at = CASE WHEN ${SIGNIFICANT} THEN NULL ELSE r.validated_at END,
           validated_by = CASE WHEN ${SIGNIFICANT} THEN NULL ELSE r.validated_by END
       FROM fresh
       WHERE r.id = fresh.id AND (r.total_kg, r.entry_count, r.totals) IS DISTINCT FROM (fresh.total_kg, fresh.entry_count, fresh.totals)
         -- a module that never had data keeps its empty cache ('{}' reads as zero everywhere)
         AND NOT (r.totals = '{}'::jsonb AND r.entry_count = 0 AND r.total_kg = 0 AND fresh.entry_count = 0)
       RETURNING r.id)
     SELECT (SELECT count(*) FROM scope)::int AS modules, (SELECT count(*) FROM written)::int AS changed`,
    [scope.year, scope.module ?? null, scope.unitCode ?? null, scope.reportModuleIds ?? null],
  );
  return rows[0] ?? { modules: 0, changed: 0 };
}
