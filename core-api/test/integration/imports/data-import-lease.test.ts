// A long apply must not hold the job row: the runner renews the lease with an UPDATE of that row every few
// seconds, and a 1,000,000-row apply that held it lost its lease (the job was failed as "stopped responding").
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportJob, DATA_IMPORT_JOB, type DataImportResult } from '../../../src/imports/jobs/data-import.job.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { csvFile, jobContext, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_import_lease');
  await seedImportFixtures(db.pool);
});
afterAll(async () => db?.dispose());

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 400; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the apply and the lease heartbeat', () => {
  it('when the apply is in the middle of its inserts, then the job row can still be updated (lease renewal, progress)', async () => {
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const path = await csvFile(['unit_institutional_id,origin_iata,destination_iata,user_institutional_id,cabin_class', '10208,GVA,CDG,1,economy', '10300,CDG,GVA,2,economy']);
    const payload = job.payload.parse({ path, format: 'travel-planes', mode: 'per-year', year: 2025 });
    const { rows } = await db.pool.query<{ id: string }>(`INSERT INTO data_ingestion_jobs (type, payload, state, started_at) VALUES ($1, $2::jsonb, 'running', now()) RETURNING id`, [
      DATA_IMPORT_JOB, JSON.stringify(payload),
    ]);
    const jobId = rows[0]!.id;
    // The entry insert stops at its first row until the test lets it go (an advisory lock held by another session).
    const gate = new pg.Client({ connectionString: db.testDb.url });
    await gate.connect();
    await gate.query('SELECT pg_advisory_lock(4242)');
    await db.pool.query(`CREATE FUNCTION wait_gate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$`);
    await db.pool.query('CREATE TRIGGER wait_gate BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION wait_gate()');
    try {
      const running = job.handler(payload, jobContext(jobId).ctx) as Promise<DataImportResult>;
      await waitFor('the apply to wait at the gate', async () =>
        (await db.pool.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE 'INSERT INTO entries%'`)).rowCount ? true : undefined,
      );
      // What the runner's heartbeat does; a lock held by the apply would make it fail after lock_timeout.
      const heartbeat = await db.pool.connect();
      try {
        await heartbeat.query(`SET lock_timeout = '3s'`);
        const renewed = await heartbeat.query(`UPDATE data_ingestion_jobs SET lease_expires_at = now() + interval '30 seconds' WHERE id = $1`, [jobId]);
        expect(renewed.rowCount).toBe(1);
      } finally {
        heartbeat.release();
      }
      await gate.query('SELECT pg_advisory_unlock(4242)');
      const result = await running;
      expect(result.applied).toMatchObject({ inserted: 2 });
    } finally {
      await gate.end();
      await db.pool.query('DROP TRIGGER wait_gate ON entries; DROP FUNCTION wait_gate()');
    }
  });
});
