// Plane files take the set-based path (COPY raw rows, distance once per airport pair, factor once per band and
// cabin, per-row arithmetic and emission rows in SQL). Every entry and emission row it writes must equal what
// the JS engine computes for the same accepted row — checked field by field, floats bit for bit.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPgLookups } from '../../../src/imports/db/pg-lookups.js';
import { importFormat, type DataRow } from '../../../src/imports/formats/index.js';
import { createRowComputer } from '../../../src/imports/jobs/compute-rows.js';
import { dataImportJob, type DataImportPayload, type DataImportResult } from '../../../src/imports/jobs/data-import.job.js';
import { planePlan } from '../../../src/imports/jobs/plane-trips.js';
import { runImport, type AcceptedRow } from '../../../src/imports/validate.js';
import { emissionValues, entryTotal, resultColumns } from '../../../src/repositories/entry.mapping.js';
import { createRepositories } from '../../../src/repositories/index.js';
import { stagedId } from '../../../src/repositories/import-staging.repository.js';
import { searchText } from '../../../src/repositories/reference.repository.js';
import type { Factor } from '../../../src/domain/modules/types.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { clearImported, csvFile, jobContext, moduleTotals, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
let airports: string[];
beforeAll(async () => {
  db = await createMigratedDatabase('core_import_planes');
  await seedImportFixtures(db.pool); // GVA, CDG; economy factors short [0, 2500) and long [2500, 999999)
  // Every seeded airport of the demo data (OurAirports), for pairs all over the globe.
  const rows = parse(readFileSync(new URL('../../../seed-data/airports.csv', import.meta.url), 'utf8'), { columns: true }) as Record<string, string>[];
  await db.pool.query(
    `INSERT INTO airports (iata, name, municipality, country_code, latitude, longitude, kind, search)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.iata), rows.map((r) => r.name), rows.map((r) => r.municipality || null), rows.map((r) => r.country_code), rows.map((r) => Number(r.latitude)),
      rows.map((r) => Number(r.longitude)), rows.map((r) => r.kind || null), rows.map((r) => searchText(r.iata, r.name, r.municipality))],
  );
  airports = rows.map((r) => r.iata as string);
  const plane = (classification: object, values: object) =>
    db.pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES (2025, 'professional-travel/plane', $1::jsonb, $2::jsonb, 'kg CO2-eq/km', 'test')`, [
      JSON.stringify(classification), JSON.stringify(values),
    ]);
  // business long haul without rfi (default 1); first long haul with values as text; business short haul without ef.
  await plane({ category: 'medium_to_long_haul', cabin_class: 'business' }, { ef_kg_co2eq_per_km: 0.5, min_distance: 2500, max_distance: 999999 });
  await plane({ category: 'Medium_To_Long_Haul ', cabin_class: 'FIRST' }, { ef_kg_co2eq_per_km: '0.9', rfi_adjustment: '1.2', min_distance: 2500, max_distance: 999999 });
  await plane({ category: 'short_to_medium_haul', cabin_class: 'business' }, { min_distance: 100, max_distance: 2500 });
  // A gap below 100 km: a flight from an airport to itself (0 + 95 km) has no band.
  await db.pool.query(`UPDATE factors SET values = values || '{"min_distance": 100}' WHERE classification->>'category' = 'short_to_medium_haul'`);
});
afterAll(async () => db?.dispose());
beforeEach(async () => clearImported(db.pool));

const HEADER = 'unit_institutional_id,origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note,kg_co2eq';
const CASES = [
  '10208,GVA,CDG,150322,2025-03-10,1,economy,,', // short haul, economy
  '10208,GVA,JFK,150322,,3,economy,,', // long haul, 3 trips
  '10300,ZRH,NRT,150323,,1,business,,', // no rfi → 1
  '10208,LHR,NRT,150322,,2,first,,', // values given as text, category matched ignoring case
  '10208,GVA,LHR,150322,,1,first,,', // no first-class factor for short haul
  '10208,GVA,CDG,150322,,1,business,,', // the factor has no ef
  '10208,GVA,GVA,150322,,1,economy,,', // 95 km: no band
  '10208,GVA,ZZZ,150322,,1,economy,,', // unknown destination (kept with a notice)
  '10300,QQQ,ZZZ,150322,,1,economy,,', // unknown origin first
  '10300,QQQ,JFK,150322,,1,economy,,12.5', // a given kg wins over the unknown airport
  '10208,GVA,JFK,150322,,1,business,,0', // a given 0
  '10208, jfk ,gva,150322,2025/04/01,1,ECONOMY,"tab\there, back\\slash, ""quotes"", ü\nand a second line",', // trimmed, upper-cased; escaped note
  '10300,NRT,GVA,150324,,10000,first,,', // most trips
];

async function runJob(lines: string[], payload: Partial<DataImportPayload> = {}, jobId?: string) {
  const job = dataImportJob({ db: db.db, pool: db.pool, batchSize: 7 });
  const path = await csvFile(lines);
  const parsed = job.payload.parse({ path, format: 'travel-planes', mode: 'per-year', year: 2025, ...payload });
  const { ctx, updates } = jobContext(jobId);
  const result = (await job.handler(parsed, ctx)) as DataImportResult;
  return { result, updates, path, jobId: ctx.jobId };
}

/** What the JS engine computes for the same file: the accepted rows, each through createRowComputer. */
async function engineRows(path: string, jobId: string, payload: { mode: 'per-year' | 'unit-specific'; unitCode?: string }) {
  const accepted: AcceptedRow<DataRow>[] = [];
  const { open } = await import('node:fs/promises');
  await runImport((await open(path)).createReadStream(), importFormat('travel-planes'), {
    mode: payload.mode, year: 2025, lookups: createPgLookups(db.pool), onBatch: async (rows) => void accepted.push(...rows),
  });
  return createRowComputer(createRepositories(db.db), { jobId, year: 2025, unitCode: payload.unitCode })(accepted);
}

async function storedRows(ids: string[]) {
  const entries = await db.pool.query(
    `SELECT e.id, u.code AS unit, e.submodule, e.data, e.note, e.kg_override, e.status, e.reason, e.reason_message, (SELECT coalesce(sum(x.kg_co2eq), 0)::float8 FROM entry_emissions x WHERE x.entry_id = e.id) AS total_kg, e.derived_from_id
     FROM entries e JOIN report_modules rm ON rm.id = e.report_module_id JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
     WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  const emissions = await db.pool.query(
    `SELECT entry_id, emission_type_id, emission_type, scope, category, additional, kg_co2eq, factor_id, factor_year, quantity, quantity_unit, formula, inputs
     FROM entry_emissions WHERE entry_id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return { entries: new Map(entries.rows.map((r) => [r.id as string, r])), emissions: emissions.rows };
}

/** Asserts that the database holds exactly what the engine computes, row by row; returns the staged rows. */
async function expectEngineResults(path: string, jobId: string, payload: { mode: 'per-year' | 'unit-specific'; unitCode?: string }) {
  const expected = await engineRows(path, jobId, payload);
  const stored = await storedRows(expected.map((r) => r.id));
  expect(stored.entries.size).toBe(expected.length);
  for (const r of expected) {
    const res = resultColumns(r.result);
    expect({ line: r.line, ...stored.entries.get(r.id) }).toEqual({
      line: r.line, id: r.id, unit: r.unitCode, submodule: r.submodule, data: r.data, note: r.note, kg_override: r.kgOverride, status: res.status, reason: res.reason,
      reason_message: res.reasonMessage, total_kg: entryTotal(r.result.emissions), derived_from_id: null,
    });
  }
  const expectedEmissions = expected.flatMap((r) =>
    emissionValues(r.id, r.result).map(({ entryId, emissionTypeId, emissionType, kgCo2eq, factorId, factorYear, quantityUnit, inputs, ...e }) => ({
      entry_id: entryId, emission_type_id: emissionTypeId, emission_type: emissionType, scope: e.scope, category: e.category, additional: e.additional,
      kg_co2eq: kgCo2eq, factor_id: factorId, factor_year: factorYear, quantity: e.quantity, quantity_unit: quantityUnit, formula: e.formula,
      inputs: JSON.parse(JSON.stringify(inputs)) as unknown,
    })),
  );
  expect(stored.emissions).toEqual(expectedEmissions);
  return expected;
}

describe('plane files: the set-based path gives what the engine gives', () => {
  it('when every kind of row is imported (bands, cabins, text values, missing band/factor/ef, unknown airports, given kg, escaped note), then each entry and emission equals the engine’s', async () => {
    const { result, updates, path, jobId } = await runJob([HEADER, ...CASES]);
    expect(updates.some((u) => u.path === 'set-based')).toBe(true);
    expect(result.report).toMatchObject({ status: 'warning', rows: { read: 13, accepted: 13, rejected: 0 } });
    expect(result.report.notices.map((n) => n.line)).toEqual([9, 10, 11]);
    expect(result.applied).toMatchObject({ inserted: 13, replaced: 0, reapplied: 0, modules: 2 });
    const expected = await expectEngineResults(path, jobId, { mode: 'per-year' });
    // The cases cover every outcome of the engine (a broken fixture would make this vacuous).
    expect(expected.map((r) => (r.result.status === 'computed' ? (r.kgOverride === null ? 'computed' : 'given') : r.result.message))).toEqual([
      'computed', 'computed', 'computed', 'computed',
      'no plane factor for short_to_medium_haul, first', 'the plane factor has no ef_kg_co2eq_per_km', 'no plane factor band holds 95 km',
      'unknown airport ZZZ', 'unknown airport QQQ', 'given', 'given', 'computed', 'computed',
    ]);
    expect(expected[11]?.note).toBe('tab\there, back\\slash, "quotes", ü\nand a second line');
    const total = expected.reduce((s, r) => s + entryTotal(r.result.emissions), 0);
    const modules = [await moduleTotals(db.pool, '10208', 'professional-travel'), await moduleTotals(db.pool, '10300', 'professional-travel')];
    expect((modules[0]?.total_kg ?? 0) + (modules[1]?.total_kg ?? 0)).toBeCloseTo(total, 6);
  });

  it('when 3,000 flights between random seeded airports are imported, then every distance, band and kg equals the engine’s', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = () => airports[Math.floor(rand() * airports.length)] as string;
    const cabins = ['economy', 'business', 'first'];
    const lines = Array.from({ length: 3000 }, (_, i) => `${i % 2 ? '10208' : '10300'},${pick()},${pick()},${i},,${1 + (i % 4)},${cabins[i % 3]},,`);
    const { result, path, jobId } = await runJob([HEADER, ...lines]);
    expect(result.applied).toMatchObject({ inserted: 3000 });
    const expected = await expectEngineResults(path, jobId, { mode: 'per-year' });
    expect(expected.filter((r) => r.result.status === 'computed').length).toBeGreaterThan(2500);
  });

  it('when a unit-specific file is imported twice by the same job (a retry after a crash), then one copy exists and it equals the engine’s', async () => {
    const lines = ['origin_iata,destination_iata,user_institutional_id,cabin_class,number_of_trips', 'GVA,JFK,1,economy,2', 'GVA,CDG,2,business,', 'GVA,ZZZ,3,first,1'];
    const jobId = '0f5e1c0e-6a43-4c1d-9b8e-3f1b7d2a9c55';
    const first = await runJob(lines, { mode: 'unit-specific', unitCode: '10300' }, jobId);
    const again = await runJob(lines, { mode: 'unit-specific', unitCode: '10300' }, jobId);
    expect(first.result.applied).toMatchObject({ inserted: 3, reapplied: 0 });
    expect(again.result.applied).toMatchObject({ inserted: 3, reapplied: 3 });
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM entries`);
    expect(rows[0]?.n).toBe(3);
    const expected = await expectEngineResults(again.path, jobId, { mode: 'unit-specific', unitCode: '10300' });
    expect(expected.map((r) => r.id)).toEqual([2, 3, 4].map((line) => stagedId(jobId, line)));
  });

  it('when a dry run is asked, then nothing is staged or written', async () => {
    const { result } = await runJob([HEADER, ...CASES], { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: null, report: { rows: { accepted: 13 } } });
    const { rows } = await db.pool.query<{ n: number }>(`SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM carbon_reports) AS n`);
    expect(Number(rows[0]?.n)).toBe(0);
  });
});

describe('which path a plane file takes', () => {
  const factor = (values: Record<string, unknown>): Factor => ({
    id: '00000000-0000-4000-8000-000000000001', year: 2025, submodule: 'professional-travel/plane', emissionType: null, unit: null, source: null,
    classification: { category: 'short', cabin_class: 'economy' }, values: { min_distance: 0, max_distance: 5000, ...values } as Factor['values'],
  });
  it('when a factor holds a value SQL could not reproduce bit for bit (negative, −0, huge), then the engine path is used', () => {
    expect(planePlan([factor({ ef_kg_co2eq_per_km: 0.2 })])).not.toBeNull();
    expect(planePlan([factor({ ef_kg_co2eq_per_km: -0.2 })])).toBeNull();
    expect(planePlan([factor({ ef_kg_co2eq_per_km: 0.2, rfi_adjustment: -0 })])).toBeNull();
    expect(planePlan([factor({ ef_kg_co2eq_per_km: 1e300 })])).toBeNull();
  });

  it('when the year has a negative plane factor, then the import runs on the engine and still applies', async () => {
    await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": -1}' WHERE classification->>'cabin_class' = 'business' AND classification->>'category' = 'medium_to_long_haul'`);
    try {
      const { result, updates } = await runJob([HEADER, CASES[2] as string]);
      expect(updates.some((u) => u.path === 'engine')).toBe(true);
      expect(result.applied).toMatchObject({ inserted: 1 });
      const { rows } = await db.pool.query(`SELECT status, reason, reason_message FROM entries`);
      expect(rows).toEqual([{ status: 'not_computed', reason: 'invalid_data', reason_message: expect.stringMatching(/^professional_travel__plane__business: the formula gave -/) }]);
    } finally {
      await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.5}' WHERE classification->>'cabin_class' = 'business' AND classification->>'category' = 'medium_to_long_haul'`);
    }
  });
});

describe('the engine path stages through the same COPY', () => {
  it('when a note holds a tab, a backslash, quotes and a newline, then it is stored exactly', async () => {
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const note = 'tab\there \\N back\\slash "quoted"\nsecond line';
    const path = await csvFile(['unit_institutional_id,category,subcategory,quantity,note', `10208,CO2,,10,"${note.replace(/"/g, '""')}"`]);
    const { ctx, updates } = jobContext();
    await job.handler(job.payload.parse({ path, format: 'process-gases', mode: 'per-year', year: 2025 }), ctx);
    expect(updates.some((u) => u.path === 'engine')).toBe(true);
    const { rows } = await db.pool.query(`SELECT note, (SELECT coalesce(sum(x.kg_co2eq), 0)::float8 FROM entry_emissions x WHERE x.entry_id = e.id) AS total_kg FROM entries e`);
    expect(rows).toEqual([{ note, total_kg: 10 }]);
  });
});
