// SQL of the emission recalculation after a factor change. Every function runs in the caller's transaction
// (`client` inside BEGIN … COMMIT): the set-based updates per formula kind, the selection of the entries the
// engine must recompute, and the write-back of the engine's results.
import type pg from 'pg';
import type { EntryResult } from '../domain/modules/engine.js';
import type { SqlFormula } from '../recalculation/sql-formulas.js';

export interface RecalcScope {
  submodule: string;
  year: number;
  /** Only rows of these factors; null = every factor of the submodule and year. */
  factorIds: string[] | null;
}

const FACTOR_SCOPE = `f.submodule = $1 AND f.year = $2 AND ($3::uuid[] IS NULL OR f.id = ANY($3::uuid[]))`;
const params = (s: RecalcScope) => [s.submodule, s.year, s.factorIds];

/**
 * One formula kind, set-based, in ONE statement: the emission rows of the scope's factors get their new kg,
 * quantity and factor-value inputs, and (RETURNING feeding the second UPDATE) the entries' totals follow. Rows of
 * entries with a `kg_override` never reference a factor, so the factor join already leaves them out. Rows whose
 * values do not change are not written. `singleRow` formulas are the only row of their entry (plane, train,
 * combustion, process): the entry's total IS the row's kg; otherwise it is re-summed for the touched entries.
 */
export async function updateFormulaSetBased(client: pg.ClientBase, scope: RecalcScope, formula: string, sql: SqlFormula): Promise<number> {
  const kg = sql.kg;
  const inputs = `em.inputs || ${sql.inputs}`;
  const quantity = sql.quantity ? `, quantity = ${sql.quantity}` : '';
  const changed = sql.quantity ? `(em.kg_co2eq, em.quantity, em.inputs) IS DISTINCT FROM (${kg}, ${sql.quantity}, ${inputs})` : `(em.kg_co2eq, em.inputs) IS DISTINCT FROM (${kg}, ${inputs})`;
  if (!sql.singleRow) return updateMultiRow(client, scope, formula, { kg, inputs, quantity, changed, guard: sql.guard });
  const { rows } = await client.query<{ n: number }>(
    `WITH upd AS (
       UPDATE entry_emissions em SET kg_co2eq = ${kg}${quantity}, inputs = ${inputs}, computed_at = now()
       FROM factors f
       WHERE em.factor_id = f.id AND ${FACTOR_SCOPE} AND em.formula = $4 AND (${sql.guard}) AND ${changed}
       RETURNING em.entry_id, em.kg_co2eq AS kg),
     touched AS (UPDATE entries e SET total_kg = upd.kg FROM upd WHERE e.id = upd.entry_id RETURNING 1)
     SELECT count(*)::int AS n FROM touched`,
    [...params(scope), formula],
  );
  return rows[0]?.n ?? 0;
}

/** Entries with several rows (one per factor): update the rows, then re-sum the touched entries' totals. */
async function updateMultiRow(
  client: pg.ClientBase,
  scope: RecalcScope,
  formula: string,
  q: { kg: string; inputs: string; quantity: string; changed: string; guard: string },
): Promise<number> {
  const { rows } = await client.query<{ entry_id: string }>(
    `UPDATE entry_emissions em SET kg_co2eq = ${q.kg}${q.quantity}, inputs = ${q.inputs}, computed_at = now()
     FROM factors f
     WHERE em.factor_id = f.id AND ${FACTOR_SCOPE} AND em.formula = $4 AND (${q.guard}) AND ${q.changed}
     RETURNING em.entry_id`,
    [...params(scope), formula],
  );
  const ids = [...new Set(rows.map((r) => r.entry_id))];
  if (ids.length === 0) return 0;
  const r = await client.query(
    `UPDATE entries e SET total_kg = s.total
     FROM (SELECT entry_id, sum(kg_co2eq) AS total FROM entry_emissions WHERE entry_id = ANY($1::uuid[]) GROUP BY entry_id) s
     WHERE e.id = s.entry_id`,
    [ids],
  );
  return r.rowCount ?? 0;
}

/**
 * Entries the engine must recompute: rows of the scope's factors whose formula has no SQL form or whose guard
 * fails (the factor may no longer apply), entries of the submodule and year without emission because a factor
 * was missing (a new one may match now), and — `all` — every entry of the submodule and year (factors were
 * added: any lookup may now choose another one). Entries with a `kg_override` keep their given value.
 */
export async function entriesForEngine(
  client: pg.ClientBase,
  scope: RecalcScope,
  formulas: Record<string, SqlFormula>,
  all: boolean,
): Promise<string[]> {
  const inYear = `e.submodule = $1 AND e.kg_override IS NULL
    AND e.report_module_id IN (SELECT rm.id FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id WHERE cr.year = $2)`;
  if (all) {
    const { rows } = await client.query<{ id: string }>(`SELECT e.id FROM entries e WHERE ${inYear} ORDER BY e.id`, [scope.submodule, scope.year]);
    return rows.map((r) => r.id);
  }
  const names = Object.keys(formulas);
  const guards = names.map((n, i) => `WHEN $${i + 4} THEN (${formulas[n]!.guard})`).join(' ');
  const { rows } = await client.query<{ id: string }>(
    `SELECT DISTINCT em.entry_id AS id FROM entry_emissions em JOIN factors f ON f.id = em.factor_id
     WHERE ${FACTOR_SCOPE} AND NOT coalesce(CASE em.formula ${guards} ELSE false END, false)
     UNION
     SELECT e.id FROM entries e WHERE ${inYear} AND e.status = 'not_computed' AND e.reason = 'missing_factor'
     ORDER BY id`,
    [...params(scope), ...names],
  );
  return rows.map((r) => r.id);
}

export interface EngineEntry {
  id: string;
  submodule: string;
  data: Record<string, unknown>;
}

export async function loadEntries(client: pg.ClientBase, ids: readonly string[]): Promise<EngineEntry[]> {
  const { rows } = await client.query<EngineEntry>(`SELECT id, submodule, data FROM entries WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
  return rows;
}

/** Replaces the emission rows of the entries and sets their status, reason and total — three statements per batch. */
export async function writeEngineResults(client: pg.ClientBase, results: readonly { id: string; result: EntryResult }[]): Promise<void> {
  if (results.length === 0) return;
  const ids = results.map((r) => r.id);
  await client.query(`DELETE FROM entry_emissions WHERE entry_id = ANY($1::uuid[])`, [ids]);
  const emissions = results.flatMap(({ id, result }) =>
    result.emissions.map((e) => ({
      entry_id: id, emission_type_id: e.emissionTypeId, emission_type: e.emissionType, scope: e.scope, category: e.category,
      additional: e.additional, kg_co2eq: e.kgCo2eq, factor_id: e.factorId, factor_year: e.factorYear, quantity: e.quantity,
      quantity_unit: e.quantityUnit, formula: e.formula, inputs: e.inputs,
    })),
  );
  if (emissions.length > 0) {
    await client.query(
      `INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id,
                                    factor_year, quantity, quantity_unit, formula, inputs)
       SELECT entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id, factor_year, quantity,
              quantity_unit, formula, inputs
       FROM jsonb_to_recordset($1::jsonb) AS x(entry_id uuid, emission_type_id int, emission_type text, scope smallint, category text,
            additional boolean, kg_co2eq float8, factor_id uuid, factor_year int, quantity float8, quantity_unit text, formula text, inputs jsonb)`,
      [JSON.stringify(emissions)],
    );
  }
  const entries = results.map(({ id, result }) =>
    result.status === 'computed'
      ? { id, status: 'computed', reason: null, reason_message: null, total_kg: result.emissions.reduce((s, e) => s + e.kgCo2eq, 0) }
      : { id, status: 'not_computed', reason: result.reason, reason_message: result.message, total_kg: 0 },
  );
  await client.query(
    `UPDATE entries e SET status = x.status, reason = x.reason, reason_message = x.reason_message, total_kg = x.total_kg, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, reason text, reason_message text, total_kg float8)
     WHERE e.id = x.id`,
    [JSON.stringify(entries)],
  );
}
