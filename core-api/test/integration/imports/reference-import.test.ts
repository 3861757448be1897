// The reference-import job on real PostgreSQL: locations, building rooms, FX rates and price indices are upserted
// on their natural keys in one transaction (counts inserted / updated / unchanged), or not at all.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFERENCE_IMPORT_JOB, referenceImportJob, type ReferenceImportResult } from '../../../src/imports/jobs/reference-import.job.js';
import type { ReferenceImportPayload } from '../../../src/imports/reference/index.js';
import { createJobRegistry } from '../../../src/jobs/index.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import { enqueueJob, findJob } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { csvFile, jobContext } from './import-fixtures.js';

let db: MigratedDatabase;
type Payload = Partial<ReferenceImportPayload> & { path: string; kind: ReferenceImportPayload['kind'] };
let run: (payload: Payload, jobId?: string) => Promise<ReferenceImportResult>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_reference_imports');
  const job = referenceImportJob({ db: db.db, pool: db.pool, batchSize: 2 });
  run = async (payload, jobId) => (await job.handler(job.payload.parse(payload), jobContext(jobId).ctx)) as ReferenceImportResult;
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await db.pool.query('TRUNCATE airports, train_stations, building_rooms, fx_rates, price_indices, data_ingestion_jobs');
});

const rows = async (sql: string) => (await db.pool.query(sql)).rows;

const LOCATIONS = [
  'transport_mode,name,latitude,longitude,airport_size,continent,country_code,municipality,iata_code,keywords',
  'plane,Geneva Airport,46.238098,6.10895,large_airport,EU,CH,Geneva,GVA,Cointrin',
  'plane,Charles de Gaulle,49.012798,2.55,large_airport,EU,FR,Paris,CDG,',
  'train,Lausanne,46.5168,6.6291,,EU,CH,Lausanne,,',
];

describe('locations', () => {
  it('when a file is applied twice, then rows are inserted once, then counted unchanged; a changed row is updated', async () => {
    // A seeded station with the key an import derives ("CH:lausanne") is updated, not duplicated.
    await db.pool.query(`INSERT INTO train_stations (location_key, name, country_code, latitude, longitude, search) VALUES ('CH:lausanne', 'Lausanne', 'CH', 46.5, 6.6, 'lausanne ch')`);
    const path = await csvFile(LOCATIONS);
    const first = await run({ path, kind: 'locations' });
    expect(first.report.status).toBe('success');
    expect(first.applied).toMatchObject({ inserted: 2, updated: 1, unchanged: 0, tables: { airports: { inserted: 2, updated: 0, unchanged: 0 }, train_stations: { inserted: 0, updated: 1, unchanged: 0 } } });
    const again = await run({ path, kind: 'locations' });
    expect(again.applied).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = await run({ path: await csvFile([LOCATIONS[0] as string, 'plane,Genève Aéroport,46.238098,6.10895,large_airport,EU,CH,Genève,GVA,Cointrin']), kind: 'locations' });
    expect(changed.applied).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await rows('SELECT iata, name, municipality, country_code, kind, search FROM airports ORDER BY iata')).toEqual([
      { iata: 'CDG', name: 'Charles de Gaulle', municipality: 'Paris', country_code: 'FR', kind: 'large_airport', search: 'cdg charles de gaulle paris' },
      { iata: 'GVA', name: 'Genève Aéroport', municipality: 'Genève', country_code: 'CH', kind: 'large_airport', search: 'gva geneve aeroport geneve cointrin' },
    ]);
    expect(await rows('SELECT location_key, latitude, search FROM train_stations')).toEqual([{ location_key: 'CH:lausanne', latitude: 46.5168, search: 'lausanne ch lausanne' }]);
  });

  it('when some rows are bad, then they are reported with their lines and the others are applied', async () => {
    const result = await run({ path: await csvFile([...LOCATIONS, 'plane,Nowhere,95,0,,,CH,,NWH,', 'train,Bern,46.9,7.4,,,,,,']), kind: 'locations' });
    expect(result.report.status).toBe('warning');
    expect(result.report.rejected.map((r) => [r.line, r.issues.map((i) => i.column)])).toEqual([[5, ['latitude']], [6, ['country_code']]]);
    expect(result.applied).toMatchObject({ inserted: 3 });
  });

  it('when the second table fails inside the apply, then the first table is rolled back too', async () => {
    await db.pool.query(`CREATE FUNCTION refuse_station() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'station refused by test'; END $$`);
    await db.pool.query('CREATE TRIGGER refuse_station BEFORE INSERT OR UPDATE ON train_stations FOR EACH ROW EXECUTE FUNCTION refuse_station()');
    try {
      await expect(run({ path: await csvFile(LOCATIONS), kind: 'locations' })).rejects.toThrow(/station refused by test/);
      expect(await rows('SELECT count(*)::int AS n FROM airports')).toEqual([{ n: 0 }]);
    } finally {
      await db.pool.query('DROP TRIGGER refuse_station ON train_stations; DROP FUNCTION refuse_station()');
    }
    expect((await run({ path: await csvFile(LOCATIONS), kind: 'locations' })).applied).toMatchObject({ inserted: 3 });
  });
});

describe('building rooms', () => {
  const HEADER = 'building_location,building_name,room_name,room_type,room_surface_square_meter';

  it('when rooms are imported again with a change, then the room is updated and rooms missing from the file stay', async () => {
    const first = await run({ path: await csvFile([HEADER, 'ECUBLENS,BC,BC 010,office,45', 'ECUBLENS,BC,BC 110,laboratories,120']), kind: 'building-rooms' });
    expect(first.applied).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const second = await run({ path: await csvFile([HEADER, 'ECUBLENS,BC,BC 010,office,45', 'ECUBLENS,BC,BC 012,office,30', 'ECUBLENS,BC,BC 110,laboratories,118']), kind: 'building-rooms' });
    expect(second.applied).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await rows('SELECT room_name, surface_m2 FROM building_rooms ORDER BY room_name')).toEqual([
      { room_name: 'BC 010', surface_m2: 45 },
      { room_name: 'BC 012', surface_m2: 30 },
      { room_name: 'BC 110', surface_m2: 118 },
    ]);
  });

  it('when every row is rejected, then the status is error and the table is untouched', async () => {
    await run({ path: await csvFile([HEADER, 'ECUBLENS,BC,BC 010,office,45']), kind: 'building-rooms' });
    const result = await run({ path: await csvFile([HEADER, 'ECUBLENS,BC,BC 010,office,-1', ',BC,BC 011,office,1']), kind: 'building-rooms' });
    expect(result.report.status).toBe('error');
    expect(result.report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(result.applied).toBeNull();
    expect(await rows('SELECT room_name, surface_m2 FROM building_rooms')).toEqual([{ room_name: 'BC 010', surface_m2: 45 }]);
  });

  it('when the file breaks after batches were staged, then nothing is applied', async () => {
    const result = await run({ path: await csvFile([HEADER, 'E,BC,BC 1,office,1', 'E,BC,BC 2,office,2', 'E,BC,BC 3,office,3', `E,BC,${'x'.repeat(70_000)},office,4`]), kind: 'building-rooms' });
    expect(result.report.fileError?.code).toBe('line_too_long');
    expect(result.applied).toBeNull();
    expect(await rows('SELECT count(*)::int AS n FROM building_rooms')).toEqual([{ n: 0 }]);
  });
});

describe('FX rates and price indices', () => {
  it('when yearly rates are applied and re-applied, then they are keyed by year and currency, with an audit record', async () => {
    const path = await csvFile(['currency,rate_per_eur,source', 'chf,0.9415,ECB', 'usd,1.0824,ECB']);
    const jobId = '0d4b8a52-7a51-4c36-9d7e-5f3b7f2a9c01';
    expect((await run({ path, kind: 'fx-rates', year: 2025 }, jobId)).applied).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect((await run({ path, kind: 'fx-rates', year: 2025 })).applied).toMatchObject({ inserted: 0, unchanged: 2 });
    expect((await run({ path, kind: 'fx-rates', year: 2024 })).applied).toMatchObject({ inserted: 2 });
    expect(await rows('SELECT year, currency, rate_per_eur FROM fx_rates ORDER BY year, currency')).toEqual([
      { year: 2024, currency: 'chf', rate_per_eur: 0.9415 },
      { year: 2024, currency: 'usd', rate_per_eur: 1.0824 },
      { year: 2025, currency: 'chf', rate_per_eur: 0.9415 },
      { year: 2025, currency: 'usd', rate_per_eur: 1.0824 },
    ]);
    const audit = await rows(`SELECT year, after FROM audit_log WHERE action = 'reference-import.apply' AND entity_id = '${jobId}'`);
    expect(audit).toEqual([{ year: 2025, after: expect.objectContaining({ kind: 'fx-rates', inserted: 2, tables: { fx_rates: { inserted: 2, updated: 0, unchanged: 0 } } }) }]);
  });

  it('when price indices carry their own years, then each row lands on its year', async () => {
    const path = await csvFile(['year,currency,value', '2024,chf,106.2', '2025,chf,107.1', '2025,eur,128.4']);
    expect((await run({ path, kind: 'price-index' })).applied).toMatchObject({ inserted: 3 });
    expect((await run({ path: await csvFile(['year,currency,value', '2025,chf,107.3']), kind: 'price-index' })).applied).toMatchObject({ updated: 1 });
    expect(await rows(`SELECT value FROM price_indices WHERE currency = 'chf' ORDER BY year`)).toEqual([{ value: 106.2 }, { value: 107.3 }]);
  });
});

describe('dry run, abort and the job row', () => {
  it('when dryRun is set, then the file is validated and reported and nothing is written', async () => {
    const result = await run({ path: await csvFile([...LOCATIONS, 'plane,Bad,1,2,CH,,,']), kind: 'locations', dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: null, report: { status: 'warning', rows: { accepted: 3, rejected: 1 } } });
    expect(await rows('SELECT (SELECT count(*) FROM airports)::int AS a, (SELECT count(*) FROM train_stations)::int AS s')).toEqual([{ a: 0, s: 0 }]);
  });

  it('when the job was aborted while the file streamed, then the apply refuses and nothing is written', async () => {
    const { rows: [job] } = await db.pool.query<{ id: string }>(`INSERT INTO data_ingestion_jobs (type, payload, state) VALUES ('reference-import', '{}', 'aborted') RETURNING id`);
    await expect(run({ path: await csvFile(LOCATIONS), kind: 'locations' }, job?.id)).rejects.toThrow(/the job is aborted: nothing was applied/);
    expect(await rows('SELECT count(*)::int AS n FROM airports')).toEqual([{ n: 0 }]);
  });

  it('the registry runs reference imports, one kind at a time (dry runs take no lock)', () => {
    const definition = createJobRegistry({ db: db.db, pool: db.pool }).get('reference-import');
    expect(definition?.lockKey?.(definition.payload.parse({ path: '/x.csv', kind: 'units' }))).toBe('reference-import:units');
    expect(definition?.lockKey?.(definition.payload.parse({ path: '/x.csv', kind: 'units', dryRun: true }))).toBeNull();
  });
});

describe('through the JobRunner', () => {
  it('when a reference import is enqueued, then the registered job applies it and stores the report and counts as the result', async () => {
    const registry = createJobRegistry({ db: db.db, pool: db.pool });
    const runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger: pino({ level: 'silent' }), pollIntervalMs: 50, progressIntervalMs: 0 });
    runner.start();
    try {
      const definition = registry.get(REFERENCE_IMPORT_JOB);
      const payload = definition?.payload.parse({ path: await csvFile(['year,currency,rate_per_eur', '2025,chf,0.94', '2025,gbp,0.84']), kind: 'fx-rates' });
      const { id } = await enqueueJob(db.db, { type: REFERENCE_IMPORT_JOB, payload, lockKey: definition?.lockKey?.(payload), maxAttempts: 1 });
      runner.kick();
      let job = await findJob(db.db, id);
      for (let i = 0; i < 200 && job && !['succeeded', 'failed', 'aborted'].includes(job.state); i++) {
        await new Promise((r) => setTimeout(r, 25));
        job = await findJob(db.db, id);
      }
      expect(job?.state).toBe('succeeded');
      expect(job?.result).toMatchObject({ kind: 'fx-rates', report: { status: 'success' }, applied: { inserted: 2, updated: 0, unchanged: 0 } });
      expect(await rows('SELECT currency FROM fx_rates ORDER BY currency')).toEqual([{ currency: 'chf' }, { currency: 'gbp' }]);
    } finally {
      await runner.stop();
    }
  });
});
