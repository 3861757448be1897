// A reference import that changes what entries read goes on, in the same pipeline, with the recalculation of the
// submodules that read it and their aggregation — through the real JobRunner on real PostgreSQL.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportJob } from '../../../src/imports/jobs/data-import.job.js';
import { REFERENCE_IMPORT_JOB } from '../../../src/imports/jobs/reference-import.job.js';
import { createJobRegistry } from '../../../src/jobs/index.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import { enqueueJob } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { csvFile, jobContext } from '../imports/import-fixtures.js';
import { comparable, engineVerdict, entryWriter, moduleTotalsVsRows, seedRecalcFixtures, storedEntries } from './recalc-fixtures.js';

const PLANE = 'professional-travel/plane' as const;
const HEADER = 'transport_mode,name,latitude,longitude,airport_size,continent,country_code,municipality,iata_code,keywords';

let db: MigratedDatabase;
let runner: JobRunner;
let addEntry: ReturnType<typeof entryWriter>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_recalc_reference');
  const { actor } = await seedRecalcFixtures(db.pool);
  addEntry = entryWriter(db, actor);
  await db.pool.query(`INSERT INTO year_configurations (year, open_to_users) VALUES (2025, true), (2024, false)`);
  runner = new JobRunner({ db: db.db, pool: db.pool, registry: createJobRegistry({ db: db.db, pool: db.pool }), logger: pino({ level: 'silent' }), pollIntervalMs: 50, progressIntervalMs: 0 });
  runner.start();
});
afterAll(async () => {
  await runner?.stop();
  await db?.dispose();
});

/** Enqueues a reference import and waits until every job of its pipeline has ended; returns them in order. */
async function importReference(kind: string, lines: string[]) {
  const payload = { path: await csvFile(lines), kind, dryRun: false };
  const { id } = await enqueueJob(db.db, { type: REFERENCE_IMPORT_JOB, payload, lockKey: `reference-import:${kind}`, maxAttempts: 1 });
  runner.kick();
  for (let i = 0; i < 400; i++) {
    const { rows } = await db.pool.query<{ type: string; state: string; payload: Record<string, unknown>; error: string | null }>(
      `SELECT type, state, payload, error FROM data_ingestion_jobs WHERE pipeline_id = $1 ORDER BY created_at, id`,
      [id],
    );
    if (rows.length > 0 && rows.every((r) => ['succeeded', 'failed', 'aborted'].includes(r.state))) {
      // A chained job is written with its parent's finish: once all have ended, none is still to come.
      return rows;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the pipeline did not end');
}
const importLocations = (lines: string[]) => importReference('locations', [HEADER, ...lines]);

describe('a reference import chains the recalculation of what reads it', () => {
  it('when an airport moves, then the plane entries of the open year are recomputed with the new distance, and the module totals follow', async () => {
    const paris = await addEntry('10208', PLANE, { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '150322', cabin_class: 'economy', number_of_trips: 1 });
    const before = (await storedEntries(db.pool, PLANE)).find((e) => e.id === paris)!;
    expect(before.emissions[0]?.inputs).toMatchObject({ great_circle_km: 408 });

    // CDG "moves" to Nice's coordinates: GVA → NCE is 300 km on the great circle.
    const jobs = await importLocations(['plane,Charles de Gaulle,43.658401,7.21587,large_airport,EU,FR,Paris,CDG,']);
    expect(jobs.map((j) => [j.type, j.state, j.error])).toEqual([
      ['reference-import', 'succeeded', null],
      ['recalculate-emissions', 'succeeded', null],
      ['aggregate-report-totals', 'succeeded', null],
    ]);
    // Only the open year; the engine recomputes every entry (the reference, not a factor, changed).
    expect(jobs[1]?.payload).toEqual({ submodule: PLANE, year: 2025, full: true });

    const after = (await storedEntries(db.pool, PLANE)).find((e) => e.id === paris)!;
    expect(after.emissions[0]?.inputs.great_circle_km).toBe(300);
    expect(after.total_kg).toBeLessThan(before.total_kg);
    expect(comparable(await storedEntries(db.pool, PLANE))).toEqual(await engineVerdict(db, PLANE));
    for (const t of await moduleTotalsVsRows(db.pool, 'professional-travel')) expect(t.cached).toBeCloseTo(t.summed, 9);
  });

  it('when the file changes nothing, then nothing is recalculated', async () => {
    const file = ['plane,John F Kennedy International Airport,40.639801,-73.7789,large_airport,NA,US,New York,JFK,'];
    await importLocations(file);
    const jobs = await importLocations(file); // the same rows again: every one unchanged
    expect(jobs.map((j) => j.type)).toEqual(['reference-import']);
  });

  it('when a room’s surface changes, then the room and the embodied-energy entry derived from it follow', async () => {
    await db.pool.query(`INSERT INTO building_rooms (building_name, room_name, room_type, surface_m2) VALUES ('BC', 'BC 110', 'laboratories', 120)`);
    await db.pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES
      (2025, 'buildings/rooms', '{"building_name": "BC", "room_type": "laboratories"}', '{"energy_type": "thermal", "ef_kg_co2eq_per_kwh": 0.1, "lighting_kwh_per_square_meter": 10}', 'kg CO2-eq/kWh', 'test'),
      (2025, 'buildings/embodied-energy', '{"building_name": "default", "category": "new-tech"}', '{"ef_kgco2eq_per_m2": 4}', 'kg CO2-eq/m2', 'test')`);
    const rooms = dataImportJob({ db: db.db, pool: db.pool });
    const path = await csvFile(['unit_institutional_id,building_name,room_name,room_type,room_allocation_ratio', '10208,BC,BC 110,laboratories,0.5']);
    await rooms.handler(rooms.payload.parse({ path, format: 'building-rooms', mode: 'unit-specific', unitCode: '10208', year: 2025 }), jobContext().ctx);
    const buildings = async () =>
      (await db.pool.query<{ submodule: string; surface: number; kg: number }>(
        `SELECT e.submodule, coalesce((e.data->>'room_surface_square_meter')::float8, (SELECT (x.inputs->>'surface_m2')::float8 FROM entry_emissions x WHERE x.entry_id = e.id LIMIT 1)) AS surface,
                (SELECT sum(x.kg_co2eq) FROM entry_emissions x WHERE x.entry_id = e.id)::float8 AS kg
         FROM entries e WHERE e.submodule LIKE 'buildings/%' ORDER BY e.submodule`,
      )).rows;
    expect(await buildings()).toEqual([
      { submodule: 'buildings/embodied-energy', surface: 120, kg: 480 },
      { submodule: 'buildings/rooms', surface: 120, kg: 60 },
    ]);

    const jobs = await importReference('building-rooms', ['building_location,building_name,room_name,room_surface_square_meter,room_type', 'Ecublens,BC,BC 110,200,laboratories']);
    expect(jobs.map((j) => [j.type, j.state, j.error])).toEqual([
      ['reference-import', 'succeeded', null],
      ['recalculate-emissions', 'succeeded', null],
      ['aggregate-report-totals', 'succeeded', null],
    ]);
    expect(await buildings()).toEqual([
      { submodule: 'buildings/embodied-energy', surface: 200, kg: 800 },
      { submodule: 'buildings/rooms', surface: 200, kg: 100 },
    ]);
    const derived = (await db.pool.query(`SELECT d.data->>'room_entry_id' = r.id::text AS linked, d.source FROM entries d JOIN entries r ON r.id = d.derived_from_id`)).rows;
    expect(derived).toEqual([{ linked: true, source: 'derived' }]);
    for (const t of await moduleTotalsVsRows(db.pool, 'buildings')) expect(t.cached).toBeCloseTo(t.summed, 9);
  });
});
