// Rooms imported from CSV derive their embodied-energy entry in the same apply; replace and re-run keep one copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportJob, type DataImportResult } from '../../../src/imports/jobs/data-import.job.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { appliedEntries, csvFile, jobContext, moduleTotals, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_import_rooms');
  await seedImportFixtures(db.pool);
  await db.pool.query(`INSERT INTO building_rooms (building_name, room_name, room_type, surface_m2) VALUES ('BC', 'BC 110', 'laboratories', 120)`);
  await db.pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES
    (2025, 'buildings/rooms', '{"building_name": "BC", "room_type": "laboratories"}', '{"energy_type": "thermal", "ef_kg_co2eq_per_kwh": 0.1, "lighting_kwh_per_square_meter": 10}', 'kg CO2-eq/kWh', 'test'),
    (2025, 'buildings/embodied-energy', '{"building_name": "default", "category": "new-tech"}', '{"ef_kgco2eq_per_m2": 4}', 'kg CO2-eq/m2', 'test'),
    (2025, 'buildings/embodied-energy', '{"building_name": "default", "category": "new-env"}', '{"ef_kgco2eq_per_m2": 6}', 'kg CO2-eq/m2', 'test')`);
});
afterAll(async () => db?.dispose());

describe('building rooms import', () => {
  it('when rooms are imported per year, then each known room derives one embodied-energy entry; re-run and replace keep one copy', async () => {
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const path = await csvFile([
      'unit_institutional_id,building_name,room_name,room_type,room_allocation_ratio',
      '10208,BC,BC 110,laboratories,0.5',
      '10208,BC,BC 999,laboratories,1',
    ]);
    const payload = job.payload.parse({ path, format: 'building-rooms', mode: 'per-year', year: 2025 });
    const { ctx } = jobContext();
    const first = (await job.handler(payload, ctx)) as DataImportResult;
    expect(first.report).toMatchObject({ status: 'warning', notices: [{ line: 3 }] });
    expect(first.applied).toMatchObject({ inserted: 3 });
    const expected = [
      ['buildings/embodied-energy', 'derived', 1200],
      ['buildings/rooms', 'csv_year', 60],
      ['buildings/rooms', 'csv_year', 0],
    ];
    const summary = async () => (await appliedEntries(db.pool)).map((r) => [r.submodule, r.source, r.total_kg]).sort((a, b) => String(a).localeCompare(String(b)));
    expect(await summary()).toEqual(expected.sort((a, b) => String(a).localeCompare(String(b))));
    const { rows } = await db.pool.query(`SELECT d.data->>'room_entry_id' = r.id::text AS linked FROM entries d JOIN entries r ON r.id = d.derived_from_id`);
    expect(rows).toEqual([{ linked: true }]);
    expect(await moduleTotals(db.pool, '10208', 'buildings')).toMatchObject({ total_kg: 1260, entry_count: 3 });

    await job.handler(payload, ctx); // same job again (crash after commit)
    expect(await summary()).toEqual(expected);
    await job.handler(payload, jobContext().ctx); // a new per-year import of the same file replaces the rows
    expect(await summary()).toEqual(expected);
    expect(await moduleTotals(db.pool, '10208', 'buildings')).toMatchObject({ total_kg: 1260, entry_count: 3 });
  });
});
