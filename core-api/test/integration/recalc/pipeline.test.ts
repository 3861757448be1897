// A factor upload as one pipeline through the JobRunner: factor-import → recalculate-emissions → aggregate-report-totals,
// one pipeline id, and the entries end as the engine computes them with the new factors.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorImportJob, FACTOR_IMPORT_JOB } from '../../../src/imports/jobs/factor-import.job.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import { aggregateReportTotalsJob } from '../../../src/recalculation/aggregate-report-totals.job.js';
import { recalculateEmissionsJob } from '../../../src/recalculation/recalculate-emissions.job.js';
import { enqueueJob } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { csvFile } from '../imports/import-fixtures.js';
import { comparable, engineVerdict, entryWriter, moduleTotalsVsRows, seedRecalcFixtures, storedEntries } from './recalc-fixtures.js';

let db: MigratedDatabase;
let runner: JobRunner;
let addEntry: ReturnType<typeof entryWriter>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_pipeline');
  const { actor } = await seedRecalcFixtures(db.pool);
  addEntry = entryWriter(db, actor);
  const registry = new JobRegistry([
    factorImportJob({ pool: db.pool }),
    recalculateEmissionsJob({ db: db.db, pool: db.pool }),
    aggregateReportTotalsJob({ pool: db.pool }),
  ]);
  runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger: pino({ level: 'silent' }), pollIntervalMs: 30, concurrency: 2 });
  runner.start();
});
afterAll(async () => {
  await runner?.stop();
  await db?.dispose();
});

describe('a factor upload pipeline', () => {
  it('when the upload changes a factor and adds one, then import, recalculation and aggregation run in one pipeline', async () => {
    const trip = (cabin: string) => ({ origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '7', cabin_class: cabin, number_of_trips: 1 });
    await addEntry('10208', 'professional-travel/plane', trip('economy'));
    await addEntry('10300', 'professional-travel/plane', trip('business')); // no factor yet
    const path = await csvFile([
      'category,cabin_class,min_distance,max_distance,ef_kg_co2eq_per_km,rfi_adjustment,unit,source',
      'short_to_medium_haul,economy,0,2500,0.35,1.35,kg CO2-eq/km,test',
      'short_to_medium_haul,business,0,2500,0.7,1.35,kg CO2-eq/km,test',
      'medium_to_long_haul,economy,2500,999999,0.1902,1.35,kg CO2-eq/km,test',
    ]);
    const definition = factorImportJob({ pool: db.pool });
    const payload = definition.payload.parse({ path, year: 2025, submodule: 'professional-travel/plane' });
    const root = await enqueueJob(db.db, { type: FACTOR_IMPORT_JOB, payload, lockKey: definition.lockKey!(payload) });
    runner.kick();

    const pipeline = async () =>
      (await db.pool.query<{ type: string; state: string; error: string | null }>(`SELECT type, state, error FROM data_ingestion_jobs WHERE pipeline_id = $1 ORDER BY created_at`, [root.pipelineId])).rows;
    await expect.poll(async () => (await pipeline()).map((j) => j.state).join(), { timeout: 20_000 }).toBe('succeeded,succeeded,succeeded');
    expect((await pipeline()).map((j) => j.type)).toEqual(['factor-import', 'recalculate-emissions', 'aggregate-report-totals']);

    const plane = await storedEntries(db.pool, 'professional-travel/plane');
    expect(plane.map((e) => e.status)).toEqual(['computed', 'computed']);
    expect(comparable(plane)).toEqual(await engineVerdict(db, 'professional-travel/plane'));
    for (const t of await moduleTotalsVsRows(db.pool, 'professional-travel')) expect(t.cached).toBeCloseTo(t.summed, 9);
  });
});
