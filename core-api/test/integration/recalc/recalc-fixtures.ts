// Set-up of the recalculation tests: units, airports and 2025 factors, entries written through the real entry
// write path (engine + repository), and the engine's verdict on what is stored now.
import type { SubmoduleKey } from '@co2/contracts';
import type pg from 'pg';
import { createCalculateEntry } from '../../../src/domain/entries/calculate.js';
import { submoduleDefinition } from '../../../src/domain/modules/registry.js';
import type { DatabaseHandle } from '../../../src/db/client.js';
import { createRepositories } from '../../../src/repositories/index.js';
import { seedImportFixtures } from '../imports/import-fixtures.js';

export async function seedRecalcFixtures(pool: pg.Pool): Promise<{ actor: { id: string; subject: string } }> {
  await seedImportFixtures(pool); // units 10208, 10300; airports GVA, CDG; plane economy bands and gas factors of 2025
  await pool.query(`INSERT INTO airports (iata, name, municipality, country_code, latitude, longitude, kind, search)
                    VALUES ('JFK', 'John F Kennedy International Airport', 'New York', 'US', 40.639801, -73.7789, 'large_airport', 'jfk new york')`);
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO users (subject, display_name) VALUES ('recalc-admin', 'Recalc Admin') RETURNING id`);
  return { actor: { id: rows[0]!.id, subject: 'recalc-admin' } };
}

export function entryWriter(handle: DatabaseHandle, actor: { id: string; subject: string }) {
  const repos = createRepositories(handle.db);
  const calculate = createCalculateEntry({ factors: repos.factors, reference: repos.reference, years: repos.years });
  /** Computes the entry with the engine and writes it as the API does; `override` is stored as `kg_override`. */
  return async (unitCode: string, submodule: SubmoduleKey, data: Record<string, unknown>, override?: number): Promise<string> => {
    const unit = await repos.units.findByCode(unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    const definition = submoduleDefinition(submodule);
    const result = await calculate(definition, data, 2025, override);
    const where = { unitId: unit.id, year: 2025, module: definition.module };
    const entry = await repos.entries.create(where, { submodule, data, note: null, source: 'csv_year', result, actor, unitCode });
    if (override !== undefined) await handle.pool.query('UPDATE entries SET kg_override = $2 WHERE id = $1', [entry.id, override]);
    return entry.id;
  };
}

export interface StoredState {
  id: string;
  status: string;
  reason: string | null;
  total_kg: number;
  emissions: { kg: number; factor_id: string | null; quantity: number | null; formula: string; inputs: Record<string, unknown>; emission_type: string }[];
}

/** Every entry of the submodule in 2025 with its emission rows, as stored. */
export async function storedEntries(pool: pg.Pool, submodule: SubmoduleKey): Promise<(StoredState & { data: Record<string, unknown>; kg_override: number | null })[]> {
  const { rows } = await pool.query(
    `SELECT e.id, e.status, e.reason, (SELECT coalesce(sum(x.kg_co2eq), 0)::float8 FROM entry_emissions x WHERE x.entry_id = e.id) AS total_kg, e.data, e.kg_override,
            coalesce(jsonb_agg(jsonb_build_object('kg', em.kg_co2eq, 'factor_id', em.factor_id, 'quantity', em.quantity, 'formula', em.formula,
                                                  'inputs', em.inputs || coalesce(em.factor_inputs, '{}'), 'emission_type', em.emission_type) ORDER BY em.emission_type, em.factor_id)
                     FILTER (WHERE em.id IS NOT NULL), '[]') AS emissions
     FROM entries e JOIN report_modules rm ON rm.id = e.report_module_id JOIN carbon_reports cr ON cr.id = rm.report_id
     LEFT JOIN entry_emissions em ON em.entry_id = e.id
     WHERE cr.year = 2025 AND e.submodule = $1 GROUP BY e.id ORDER BY e.id`,
    [submodule],
  );
  return rows;
}

/** What the JS engine computes for the same entries with the factors stored now (`computeEntry` via the use-case path). */
export async function engineVerdict(handle: DatabaseHandle, submodule: SubmoduleKey): Promise<StoredState[]> {
  const repos = createRepositories(handle.db);
  const calculate = createCalculateEntry({ factors: repos.factors, reference: repos.reference, years: repos.years });
  const definition = submoduleDefinition(submodule);
  const out: StoredState[] = [];
  for (const e of await storedEntries(handle.pool, submodule)) {
    const result = await calculate(definition, e.data, 2025, e.kg_override ?? undefined);
    out.push({
      id: e.id,
      status: result.status,
      reason: result.status === 'computed' ? null : result.reason,
      total_kg: result.emissions.reduce((s, x) => s + x.kgCo2eq, 0),
      emissions: result.emissions
        .map((x) => ({ kg: x.kgCo2eq, factor_id: x.factorId, quantity: x.quantity, formula: x.formula, inputs: x.inputs, emission_type: x.emissionType }))
        .sort((a, b) => a.emission_type.localeCompare(b.emission_type) || String(a.factor_id).localeCompare(String(b.factor_id))),
    });
  }
  return out;
}

/** The stored state without the fields the engine does not decide (data, override). */
export const comparable = (rows: Awaited<ReturnType<typeof storedEntries>>): StoredState[] =>
  rows.map(({ id, status, reason, total_kg, emissions }) => ({ id, status, reason, total_kg, emissions }));

/** A module's cached totals next to the sums of its entries' emission rows (what a full refresh would write). */
export async function moduleTotalsVsRows(pool: pg.Pool, module: string) {
  const { rows } = await pool.query<{ unit: string; cached: number; summed: number; by_submodule: Record<string, number>; status: string }>(
    `SELECT u.code AS unit, rm.total_kg AS cached, rm.status, rm.totals->'bySubmodule' AS by_submodule,
            coalesce((SELECT sum(em.kg_co2eq) FROM entries e JOIN entry_emissions em ON em.entry_id = e.id WHERE e.report_module_id = rm.id), 0)::float8 AS summed
     FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
     WHERE cr.year = 2025 AND rm.module = $1 ORDER BY u.code`,
    [module],
  );
  return rows;
}
