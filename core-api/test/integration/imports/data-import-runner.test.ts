// The data-import job end to end through the JobRunner, and all-or-nothing when the apply itself fails.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataImportJob, DATA_IMPORT_JOB, type DataImportResult } from '../../../src/imports/jobs/data-import.job.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { JobRunner } from '../../../src/jobs/runner.js';
import { enqueueJob, findJob } from '../../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { appliedEntries, clearImported, csvFile, jobContext, moduleTotals, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
let runner: JobRunner;
beforeAll(async () => {
  db = await createMigratedDatabase('core_import_runner');
  await seedImportFixtures(db.pool);
  const registry = new JobRegistry([dataImportJob({ db: db.db, pool: db.pool })]);
  runner = new JobRunner({ db: db.db, pool: db.pool, registry, logger: pino({ level: 'silent' }), pollIntervalMs: 50, progressIntervalMs: 0 });
  runner.start();
});
afterAll(async () => {
  await runner?.stop();
  await db?.dispose();
});
beforeEach(async () => clearImported(db.pool));

const GASES = ['unit_institutional_id,category,subcategory,quantity', '10208,CO2,,10', '10300,Refrigerants,R134a,2'];

async function runJob(payload: Record<string, unknown>) {
  const { id } = await enqueueJob(db.db, { type: DATA_IMPORT_JOB, payload, lockKey: 'data-import:2025', maxAttempts: 1 });
  runner.kick();
  for (let i = 0; i < 200; i++) {
    const job = await findJob(db.db, id);
    if (job && ['succeeded', 'failed', 'aborted'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

describe('data-import through the JobRunner', () => {
  it('when a per-year import is enqueued, then the runner applies it and stores the report as the result', async () => {
    const job = await runJob({ path: await csvFile(GASES), format: 'process-gases', mode: 'per-year', year: 2025 });
    expect(job.state).toBe('succeeded');
    const result = job.result as DataImportResult;
    expect(result.report).toMatchObject({ status: 'success', rows: { read: 2, accepted: 2, rejected: 0 } });
    expect(result.applied).toMatchObject({ inserted: 2, modules: 2 });
    // Progress writes are fire-and-forget on the pool: the last one to land may be a staging update.
    expect(['staging', 'applying']).toContain(job.progress.phase);
    expect((await appliedEntries(db.pool)).map((r) => [r.unit, r.total_kg])).toEqual([['10208', 10], ['10300', 2600]]);
  });

  it('when the payload is invalid, then the job fails naming the field and nothing is written', async () => {
    const job = await runJob({ path: await csvFile(GASES), format: 'process-gases', mode: 'unit-specific', year: 2025 });
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/unitCode: is required for unit-specific imports/);
    expect(await appliedEntries(db.pool)).toEqual([]);
  });

  it('when the file does not exist, then the job fails with the reason', async () => {
    const job = await runJob({ path: '/nonexistent/file.csv', format: 'process-gases', mode: 'per-year', year: 2025 });
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/ENOENT/);
  });
});

describe('atomic apply', () => {
  it('when the apply fails half-way (after the replace and the entry inserts), then the previous import stays intact', async () => {
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const parse = (path: string) => job.payload.parse({ path, format: 'process-gases', mode: 'per-year', year: 2025 });
    await job.handler(parse(await csvFile(GASES)), jobContext().ctx);
    // A trigger makes the emission insert (the last write before the totals) fail for one row of the new file.
    await db.pool.query(`CREATE FUNCTION fail_on_666() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kg_co2eq = 666 THEN RAISE EXCEPTION 'boom at 666'; END IF; RETURN NEW; END $$`);
    await db.pool.query('CREATE TRIGGER fail_on_666 BEFORE INSERT ON entry_emissions FOR EACH ROW EXECUTE FUNCTION fail_on_666()');
    try {
      const next = await csvFile(['unit_institutional_id,category,subcategory,quantity', '10208,CO2,,1', '10208,CO2,,666']);
      await expect(job.handler(parse(next), jobContext().ctx)).rejects.toThrow(/boom at 666/);
    } finally {
      await db.pool.query('DROP TRIGGER fail_on_666 ON entry_emissions; DROP FUNCTION fail_on_666()');
    }
    expect((await appliedEntries(db.pool)).map((r) => [r.unit, r.total_kg, r.emissions])).toEqual([['10208', 10, 1], ['10300', 2600, 1]]);
    expect(await moduleTotals(db.pool, '10208', 'process-emissions')).toMatchObject({ total_kg: 10, entry_count: 1 });
    // The connection that failed was discarded with its staging table; the pool still works.
    const again = await job.handler(parse(await csvFile(GASES)), jobContext().ctx);
    expect((again as DataImportResult).applied).toMatchObject({ inserted: 2, replaced: 2 });
  });

  it('when the job was aborted while its file streamed, then the apply refuses and nothing is written', async () => {
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const payload = job.payload.parse({ path: await csvFile(GASES), format: 'process-gases', mode: 'per-year', year: 2025 });
    // Written as already aborted (the running runner must not claim it first).
    const { rows } = await db.pool.query<{ id: string }>(
      `INSERT INTO data_ingestion_jobs (type, payload, state, finished_at) VALUES ($1, $2::jsonb, 'aborted', now()) RETURNING id`,
      [DATA_IMPORT_JOB, JSON.stringify(payload)],
    );
    const id = rows[0]!.id;
    await expect(job.handler(payload, jobContext(id).ctx)).rejects.toThrow(/the job is aborted: nothing was applied/);
    expect(await appliedEntries(db.pool)).toEqual([]);
  });
});
