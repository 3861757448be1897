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
 * The factor side of a formula, once per factor: `fv` = the scope's usable factors with their extracted values
 * and the jsonb of factor values their rows record (`factor_inputs`, read over `inputs`).
 */
function factorValues(formula: SqlFormula): string {
  const cols = Object.entries(formula.values).map(([n, e]) => `${e} AS ${n}`).join(', ');
  return `fv_raw AS MATERIALIZED (SELECT f.id, f.emission_type, f.updated_at, ${cols} FROM factors f WHERE ${FACTOR_SCOPE}),
     fv AS MATERIALIZED (SELECT fv.*, ${formula.inputs} AS inputs FROM fv_raw fv WHERE ${formula.factorGuard})`;
}

export interface SetBasedOutcome {
  /** Emission rows rewritten in place. */
  updated: number;
  /** Entries whose row failed the guard (the factor may no longer apply): the engine decides. */
  forEngine: string[];
}

/**
 * One formula kind, set-based: ONE `UPDATE entry_emissions … FROM fv`. Rows of entries with a `kg_override` never
 * reference a factor, so the factor join already leaves them out; rows whose kg is unchanged and that were
 * computed after the factor's last change are not written. A row failing its guard (the factor may no longer
 * apply) is returned for the engine, which rewrites its entry later in the same transaction (the interim value
 * never commits). The guard reads only what the update does not change, so RETURNING re-evaluates it faithfully.
 *
 * The row's `inputs` is not rebuilt: the factor values go to `factor_inputs`, the same jsonb value for every row of
 * a factor. Nothing else is written: an entry's total is the sum of its rows (not cached), and the report modules' cached
 * totals are re-derived by the pipeline's next job, `aggregate-report-totals`.
 */
export async function updateFormulaSetBased(client: pg.ClientBase, scope: RecalcScope, formula: string, f: SqlFormula): Promise<SetBasedOutcome> {
  const ok = `coalesce(${f.rowGuard ?? 'true'}, false)`;
  const quantity = f.quantity ? `, quantity = ${f.quantity}` : '';
  const changed = `em.kg_co2eq IS DISTINCT FROM ${f.kg}${f.quantity ? ` OR em.quantity IS DISTINCT FROM ${f.quantity}` : ''} OR em.computed_at < fv.updated_at`;
  const { rows } = await client.query<{ updated: number; engine: string[] }>(
    `WITH ${factorValues(f)},
     upd AS (
       UPDATE entry_emissions em
       SET kg_co2eq = ${f.kg}${quantity}, factor_inputs = fv.inputs, computed_at = now()
       FROM fv
       WHERE em.factor_id = fv.id AND em.formula = $4 AND (NOT ${ok} OR ${changed})
       RETURNING em.entry_id, ${ok} AS ok)
     SELECT count(*) FILTER (WHERE ok)::int AS updated, coalesce(array_agg(DISTINCT entry_id) FILTER (WHERE NOT ok), '{}') AS engine FROM upd`,
    [...params(scope), formula],
  );
  return { updated: rows[0]?.updated ?? 0, forEngine: rows[0]?.engine ?? [] };
}

/**
 * Entries the engine must recompute besides the guard failures of the set-based pass: in submodules whose
 * formulas are not all set-based, every entry with a row of the scope's factors; entries of the submodule and
 * year without emission because a factor was missing (a new one may match now; a small partial index); and —
 * `all` — every entry of the submodule and year (factors were added: any lookup may now choose another one).
 * Entries with a `kg_override` keep their given value.
 */
export async function entriesForEngine(client: pg.ClientBase, scope: RecalcScope, o: { all: boolean; setBased: boolean }): Promise<string[]> {
  const inYear = `e.submodule = $1 AND e.kg_override IS NULL
    AND e.report_module_id IN (SELECT rm.id FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id WHERE cr.year = $2)`;
  if (o.all) {
    const { rows } = await client.query<{ id: string }>(`SELECT e.id FROM entries e WHERE ${inYear} ORDER BY e.id`, [scope.submodule, scope.year]);
    return rows.map((r) => r.id);
  }
  const missing = `SELECT e.id FROM entries e WHERE ${inYear} AND e.status = 'not_computed' AND e.reason = 'missing_factor'`;
  const { rows } = o.setBased
    ? await client.query<{ id: string }>(`${missing} ORDER BY id`, [scope.submodule, scope.year])
    : await client.query<{ id: string }>(
        `SELECT em.entry_id AS id FROM entry_emissions em JOIN factors f ON f.id = em.factor_id WHERE ${FACTOR_SCOPE}
         UNION ${missing} ORDER BY id`,
        params(scope),
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

/** Replaces the emission rows of the entries and sets their status and reason — three statements per batch. */
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
      ? { id, status: 'computed', reason: null, reason_message: null }
      : { id, status: 'not_computed', reason: result.reason, reason_message: result.message },
  );
  await client.query(
    `UPDATE entries e SET status = x.status, reason = x.reason, reason_message = x.reason_message, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, reason text, reason_message text)
     WHERE e.id = x.id`,
    [JSON.stringify(entries)],
  );
}

/**
 * Brings the entries derived from recomputed rooms in line with them (`embodiedEnergyData`, as a write of the room
 * does): a room without a known surface loses its derived entry, one whose surface changed gets the new data, one
 * that had none gets it (same module, author; computed next). Returns the derived entries to (re)compute.
 */
export async function rederiveFromRooms(client: pg.ClientBase, rooms: readonly { id: string; derived: Record<string, unknown> | null }[]): Promise<string[]> {
  if (rooms.length === 0) return [];
  const gone = rooms.filter((r) => r.derived === null).map((r) => r.id);
  if (gone.length > 0) await client.query(`DELETE FROM entries WHERE derived_from_id = ANY($1::uuid[])`, [gone]);
  const wanted = rooms.filter((r) => r.derived !== null);
  if (wanted.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    `WITH want AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, data jsonb)),
     changed AS (
       UPDATE entries d SET data = w.data, updated_at = now()
       FROM want w WHERE d.derived_from_id = w.id AND d.data IS DISTINCT FROM w.data
       RETURNING d.id),
     added AS (
       INSERT INTO entries (report_module_id, submodule, data, source, author_id, derived_from_id, status, reason, reason_message)
       SELECT r.report_module_id, 'buildings/embodied-energy', w.data, 'derived', r.author_id, r.id, 'not_computed', 'missing_factor', 'derived from its room; computed next'
       FROM want w JOIN entries r ON r.id = w.id
       WHERE NOT EXISTS (SELECT 1 FROM entries d WHERE d.derived_from_id = w.id)
       RETURNING id)
     SELECT id FROM changed UNION ALL SELECT id FROM added`,
    [JSON.stringify(wanted.map((r) => ({ id: r.id, data: r.derived })))],
  );
  return rows.map((r) => r.id).sort();
}
