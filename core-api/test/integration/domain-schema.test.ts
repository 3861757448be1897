import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';

let h: MigratedDatabase;
const q = <T extends object = Record<string, unknown>>(text: string, values: unknown[] = []) => h.pool.query<T & import('pg').QueryResultRow>(text, values);
const one = async <T extends object>(text: string, values: unknown[] = []) => (await q<T>(text, values)).rows[0] as T;

/** A unit, its 2025 report and the report's headcount module. */
async function reportModule(code: string) {
  const unit = await one<{ id: string }>(`INSERT INTO units (code, name, name_fr, level, path) VALUES ($1, $1, $1, 1, ARRAY[$1]) RETURNING id`, [code]);
  const report = await one<{ id: string }>(`INSERT INTO carbon_reports (unit_id, year) VALUES ($1, 2025) RETURNING id`, [unit.id]);
  const mod = await one<{ id: string }>(`INSERT INTO report_modules (report_id, module) VALUES ($1, 'headcount') RETURNING id`, [report.id]);
  return { unitId: unit.id, reportId: report.id, moduleId: mod.id };
}
const entry = (moduleId: string, extra = "'computed', NULL") =>
  one<{ id: string }>(`INSERT INTO entries (report_module_id, submodule, data, status, reason) VALUES ($1, 'headcount/student', '{"fte": 2}', ${extra}) RETURNING id`, [moduleId]);
const factor = (classification: string, emissionType: string | null = null) =>
  one<{ id: string }>(`INSERT INTO factors (year, submodule, emission_type, classification, values) VALUES (2025, 'headcount/student', $1, $2::jsonb, '{"ef": 1}') RETURNING id`, [emissionType, classification]);
const emission = (entryId: string, kg: string, factorId: string | null = null) =>
  q(`INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, kg_co2eq, factor_id, formula) VALUES ($1, 10001, 'food__vegetarian', 3, 'food', $2::float8, $3, 'f')`, [entryId, kg, factorId]);

beforeAll(async () => {
  h = await createMigratedDatabase('core_api_domain_schema');
});
afterAll(async () => h?.dispose());

describe('domain tables on PostgreSQL', () => {
  it('a unit has one report per year, a report one row per module, and statuses/modules outside the lists are refused', async () => {
    const { unitId, reportId } = await reportModule('U1');
    await expect(q(`INSERT INTO carbon_reports (unit_id, year) VALUES ($1, 2025)`, [unitId])).rejects.toThrow(/carbon_reports_unit_year/);
    await expect(q(`INSERT INTO report_modules (report_id, module) VALUES ($1, 'headcount')`, [reportId])).rejects.toThrow(/report_modules_report_module/);
    await expect(q(`INSERT INTO report_modules (report_id, module) VALUES ($1, 'food')`, [reportId])).rejects.toThrow(/report_modules_module_known/);
    await expect(q(`INSERT INTO report_modules (report_id, module, status) VALUES ($1, 'equipment', 'done')`, [reportId])).rejects.toThrow(/report_modules_status_known/);
    await expect(q(`INSERT INTO report_modules (report_id, module, status) VALUES ($1, 'equipment', 'validated')`, [reportId])).rejects.toThrow(/report_modules_validated_when/);
  });

  it('an entry without emission must carry a reason, and only then', async () => {
    const { moduleId } = await reportModule('U2');
    await expect(entry(moduleId, "'not_computed', NULL")).rejects.toThrow(/entries_reason_iff_not_computed/);
    await expect(entry(moduleId, "'computed', 'missing_factor'")).rejects.toThrow(/entries_reason_iff_not_computed/);
    expect((await entry(moduleId, "'not_computed', 'missing_factor'")).id).toMatch(/[0-9a-f-]{36}/);
    await expect(q(`INSERT INTO entries (report_module_id, submodule, data, status) VALUES ($1, 'headcount/robots', '{}', 'computed')`, [moduleId])).rejects.toThrow(/entries_submodule_known/);
    await expect(q(`INSERT INTO entries (report_module_id, submodule, data, status) VALUES ($1, 'headcount/student', '[1]', 'computed')`, [moduleId])).rejects.toThrow(/entries_data_object/);
  });

  it('emission rows refuse negative, NaN and infinite kg', async () => {
    const { moduleId } = await reportModule('U3');
    const { id } = await entry(moduleId);
    for (const kg of ['-1', 'NaN', 'Infinity']) await expect(emission(id, kg), kg).rejects.toThrow(/entry_emissions_kg/);
    await emission(id, '12.5');
  });

  it('deleting a report removes its modules, entries and emissions; a factor in use cannot be deleted', async () => {
    const { moduleId, reportId } = await reportModule('U4');
    const f = await factor('{"headcount_category": "food"}', 'food__vegetarian');
    const { id } = await entry(moduleId);
    await emission(id, '3', f.id);
    await expect(q(`DELETE FROM factors WHERE id = $1`, [f.id])).rejects.toThrow(/entry_emissions_factor_id_factors_id_fk/);
    await q(`DELETE FROM carbon_reports WHERE id = $1`, [reportId]);
    expect((await one<{ n: string }>(`SELECT count(*) AS n FROM entry_emissions WHERE entry_id = $1`, [id])).n).toBe('0');
    await q(`DELETE FROM factors WHERE id = $1`, [f.id]);
  });

  it('a factor’s identity is submodule, year, emission type and classification — key order and a missing emission type included', async () => {
    await factor('{"a": "x", "b": "y"}');
    await expect(factor('{"b": "y", "a": "x"}')).rejects.toThrow(/factors_identity/);
    await factor('{"a": "x", "b": "y"}', 'food__vegetarian');
    await expect(q(`INSERT INTO factors (year, submodule, classification, values) VALUES (2025, 'nope/nope', '{}', '{}')`)).rejects.toThrow(/factors_submodule_known/);
  });

  it('reference data: IATA and currency formats, coordinates and the trigram search index', async () => {
    await q(`INSERT INTO airports (iata, name, country_code, latitude, longitude, search) VALUES ('GVA', 'Geneva Airport', 'CH', 46.238, 6.109, 'gva geneva airport geneve')`);
    await expect(q(`INSERT INTO airports (iata, name, country_code, latitude, longitude, search) VALUES ('gv', 'x', 'CH', 0, 0, 'x')`)).rejects.toThrow(/airports_iata_format/);
    await expect(q(`INSERT INTO airports (iata, name, country_code, latitude, longitude, search) VALUES ('XXX', 'x', 'CH', 91, 0, 'x')`)).rejects.toThrow(/airports_coordinates/);
    const found = await q<{ iata: string }>(`SELECT iata FROM airports WHERE search % 'genev' OR search LIKE '%genev%'`);
    expect(found.rows.map((r) => r.iata)).toEqual(['GVA']);
    await expect(q(`INSERT INTO fx_rates (year, currency, rate_per_eur) VALUES (2025, 'CHF', 0.95)`)).rejects.toThrow(/fx_rates_currency_format/);
    await expect(q(`INSERT INTO fx_rates (year, currency, rate_per_eur) VALUES (2025, 'chf', 0)`)).rejects.toThrow(/fx_rates_positive/);
    await q(`INSERT INTO building_rooms (building_name, room_name, surface_m2) VALUES ('BC', 'BC 150', 20)`);
    await expect(q(`INSERT INTO building_rooms (building_name, room_name, surface_m2) VALUES ('BC', 'BC 150', 30)`)).rejects.toThrow(/building_rooms_building_room/);
  });
});

describe('audit log on PostgreSQL', () => {
  const append = (action: string, client: { query: typeof h.pool.query } = h.pool) =>
    client.query(`INSERT INTO audit_log (action, entity_type, entity_id, after) VALUES ($1, 'entry', '1', '{"fte": 1}') RETURNING seq, previous_hash, hash`, [action]);

  it('links every row to the previous one with a sha256 hash and verifies the whole chain', async () => {
    const first = (await append('create')).rows[0];
    const second = (await append('update')).rows[0];
    expect(Number(second.seq)).toBe(Number(first.seq) + 1);
    expect(second.previous_hash).toBe(first.hash);
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await one<{ bad: string | null }>(`SELECT audit_log_verify() AS bad`)).bad).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await append('create');
    await expect(q(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(q(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(q(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('when rows are appended by 8 concurrent transactions, then the chain stays linear and intact', async () => {
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const client = await h.pool.connect();
        try {
          await client.query('BEGIN');
          await append(`concurrent-${i}`, client);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    expect((await one<{ bad: string | null }>(`SELECT audit_log_verify() AS bad`)).bad).toBeNull();
  });

  it('when a row is altered behind the triggers’ back, then verification names its seq', async () => {
    const { seq } = (await append('create')).rows[0];
    await q(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await q(`UPDATE audit_log SET after = '{"fte": 0}' WHERE seq = $1`, [seq]);
    await q(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    expect((await one<{ bad: string | null }>(`SELECT audit_log_verify() AS bad`)).bad).toBe(String(seq));
  });
});
