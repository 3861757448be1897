// A real core-api process (src/main.ts) killed with SIGKILL in the middle of a per-year data import: after the
// lease expires another process redoes the job, and the entries are exactly those of one complete run — once
// killed while the file streams into staging, once killed inside the one-transaction apply.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dataImportJob, DATA_IMPORT_JOB, type DataImportResult } from '../../src/imports/jobs/data-import.job.js';
import { stagedId } from '../../src/repositories/import-staging.repository.js';
import { enqueueJob } from '../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';
import { clearImported, csvFile, seedImportFixtures } from '../integration/imports/import-fixtures.js';
import { childOutput, killAll, startCoreApi, waitFor, type CoreApiProcess } from './core-api-process.js';

const UNITS = ['10208', '10300', '10400'];
/** Big enough that staging and the apply each take a second or more on the 2-core CI machine (polled, not timed). */
const ROWS = 30_000;
// The lease outlasts the successor's apply (~1–4 s here): the apply holds the job row FOR UPDATE, so heartbeats
// wait behind it and an apply longer than the lease loses it to another replica's recovery (reported separately).
const ENV = { JOB_CONCURRENCY: '1', JOB_POLL_INTERVAL_MS: '200', JOB_LEASE_MS: '8000' };

let db: MigratedDatabase;
let issuer: TestIssuer;
let bigFile: string;
beforeAll(async () => {
  [db, issuer] = await Promise.all([createMigratedDatabase('core_process_crash'), startTestIssuer()]);
  await seedImportFixtures(db.pool); // units EPFL, 10208, 10300; airports GVA, CDG; plane factors of 2025
  await db.pool.query(`INSERT INTO units (code, name, name_fr, level, path, parent_id) SELECT '10400', '10400', '10400', 2, ARRAY['EPFL', '10400'], id FROM units WHERE code = 'EPFL'`);
  bigFile = await flights(ROWS, 0);
}, 60_000);
afterEach(async () => {
  await killAll();
  await clearImported(db.pool);
});
afterAll(async () => {
  await killAll();
  await Promise.all([db?.dispose(), issuer?.close()]);
});

/** A per-year travel-planes file of `rows` flights spread over three units (`seed` makes the rows differ). */
function flights(rows: number, seed: number): Promise<string> {
  const lines = ['unit_institutional_id,origin_iata,destination_iata,user_institutional_id,number_of_trips,cabin_class'];
  for (let i = 0; i < rows; i++) {
    const [from, to] = i % 2 ? ['GVA', 'CDG'] : ['CDG', 'GVA'];
    lines.push(`${UNITS[i % UNITS.length]},${from},${to},${200_000 + ((i + seed) % 7_000)},${1 + ((i + seed) % 3)},economy`);
  }
  return csvFile(lines);
}

const start = (name: string) => startCoreApi({ name, databaseUrl: db.testDb.url, issuer: issuer.issuer, env: ENV });

async function enqueue(path: string): Promise<string> {
  const definition = dataImportJob({ db: db.db, pool: db.pool });
  const payload = definition.payload.parse({ path, format: 'travel-planes', mode: 'per-year', year: 2025 });
  return (await enqueueJob(db.db, { type: DATA_IMPORT_JOB, payload, lockKey: definition.lockKey?.(payload) ?? null, maxAttempts: 3 })).id;
}

interface JobState {
  state: string;
  attempts: number;
  lease_owner: string | null;
  progress: { phase?: string; rowsRead?: number };
  result: DataImportResult | null;
  error: string | null;
}
const job = async (id: string) =>
  (await db.pool.query<JobState>('SELECT state, attempts, lease_owner, progress, result, error FROM data_ingestion_jobs WHERE id = $1', [id])).rows[0] as JobState;

const finished = (id: string) =>
  waitFor(`job ${id} to finish`, async () => {
    const j = await job(id);
    return ['succeeded', 'failed', 'aborted'].includes(j.state) ? j : undefined;
  }, 60_000, 100);

const entryIds = async () => (await db.pool.query<{ id: string }>('SELECT id FROM entries ORDER BY id')).rows.map((r) => r.id);
/** The ids one complete run of job `id` over a file of `rows` data lines writes (file lines 2…rows+1). */
const idsOfRun = (id: string, rows: number) => Array.from({ length: rows }, (_, k) => stagedId(id, k + 2)).sort();

const chainedOf = async (id: string) =>
  (await db.pool.query<{ type: string; state: string; attempts: number }>('SELECT type, state, attempts FROM data_ingestion_jobs WHERE pipeline_id = $1 AND id <> $1', [id])).rows;

/** Exactly one complete run: the ids, one emission each, module totals that agree, one apply in the audit, one chained aggregation. */
async function expectExactlyOneRun(id: string, rows: number) {
  await waitFor('the chained jobs to finish', async () => {
    const { rowCount } = await db.pool.query(`SELECT 1 FROM data_ingestion_jobs WHERE state IN ('queued', 'running')`);
    return rowCount === 0 ? true : undefined;
  });
  expect(await chainedOf(id)).toEqual([{ type: 'aggregate-report-totals', state: 'succeeded', attempts: 1 }]);
  expect(await entryIds()).toEqual(idsOfRun(id, rows));
  const { rows: [counts] } = await db.pool.query<{ entries: number; emissions: number; csv_year: number }>(
    `SELECT (SELECT count(*)::int FROM entries) AS entries, (SELECT count(*)::int FROM entry_emissions) AS emissions,
            (SELECT count(*)::int FROM entries WHERE source = 'csv_year' AND status = 'computed') AS csv_year`,
  );
  expect(counts).toEqual({ entries: rows, emissions: rows, csv_year: rows });
  const { rows: totals } = await db.pool.query<{ unit: string; entry_count: number; counted: number; total_kg: number; summed: number }>(
    `SELECT u.code AS unit, rm.entry_count, rm.total_kg,
            (SELECT count(*)::int FROM entries e WHERE e.report_module_id = rm.id) AS counted,
            (SELECT coalesce(sum(em.kg_co2eq), 0)::float8 FROM entries e JOIN entry_emissions em ON em.entry_id = e.id WHERE e.report_module_id = rm.id) AS summed
     FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
     WHERE cr.year = 2025 AND rm.module = 'professional-travel' ORDER BY 1`,
  );
  expect(totals.map((t) => t.unit)).toEqual(UNITS);
  for (const t of totals) {
    expect(t.entry_count, t.unit).toBe(t.counted);
    expect(t.total_kg).toBeCloseTo(t.summed, 3);
  }
  const audit = await db.pool.query(`SELECT 1 FROM audit_log WHERE action = 'import.apply' AND entity_id = $1`, [id]);
  expect(audit.rowCount).toBe(1);
}

/** After the kill: still `running`, first attempt, on the dead owner's lease (which will expire). */
async function expectOrphaned(id: string, dead: CoreApiProcess): Promise<JobState> {
  expect(await dead.kill('SIGKILL')).toBe('SIGKILL');
  const orphan = await job(id);
  expect({ state: orphan.state, attempts: orphan.attempts }, childOutput()).toEqual({ state: 'running', attempts: 1 });
  expect(orphan.lease_owner?.startsWith(dead.ownerPrefix)).toBe(true);
  expect(await chainedOf(id)).toEqual([]); // the pipeline goes on only from a fenced, successful finish
  return orphan;
}

/** Two fresh processes; exactly one of them redoes the job once its lease has expired. */
async function restartAndFinish(id: string): Promise<JobState> {
  const successors = await Promise.all([start('second'), start('third')]);
  const done = await finished(id);
  expect({ state: done.state, attempts: done.attempts, error: done.error }, childOutput()).toEqual({ state: 'succeeded', attempts: 2, error: null });
  expect(successors.some((s) => done.lease_owner?.startsWith(s.ownerPrefix)), `owner ${done.lease_owner}`).toBe(true);
  return done;
}

describe('a core-api process killed mid-import', () => {
  it('when it is killed while the file streams into staging, then after restart the entries are exactly those of one complete run', async () => {
    const first = await start('first');
    const id = await enqueue(bigFile);
    const seen = await waitFor('the import to be part-way through staging', async () => {
      const j = await job(id);
      return j.progress.phase === 'staging' && (j.progress.rowsRead ?? 0) >= ROWS / 10 ? j : undefined;
    });
    const orphan = await expectOrphaned(id, first);
    expect(orphan.progress.phase).toBe('staging');
    expect(seen.progress.rowsRead).toBeLessThan(ROWS);
    expect(await entryIds()).toEqual([]); // nothing is applied before the whole file is staged

    const done = await restartAndFinish(id);
    expect(done.result?.applied).toMatchObject({ inserted: ROWS, replaced: 0, reapplied: 0 });
    await expectExactlyOneRun(id, ROWS);
  }, 120_000);

  it('when it is killed inside the apply transaction, then nothing of that attempt is visible and after restart the entries are exactly those of one complete run', async () => {
    const PREVIOUS = 300;
    const first = await start('first');
    // An earlier per-year import of the year, which the big one replaces.
    const previous = await enqueue(await flights(PREVIOUS, 1));
    const id = await enqueue(bigFile);
    expect((await finished(previous)).state).toBe('succeeded');
    // The witness is the apply's bulk INSERT into entries (or entry_emissions) executing in pg_stat_activity: the
    // transaction has not committed. (progress.phase 'applying' is no witness: its write waits for the job row,
    // which the apply holds FOR UPDATE until it commits.)
    await waitFor(
      'the apply transaction to insert entries',
      async () => {
        const { rowCount } = await db.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
             AND query ~ '^\\s*INSERT INTO (entries|entry_emissions) \\('`,
        );
        return rowCount ? true : undefined;
      },
      60_000,
      10,
    );
    await expectOrphaned(id, first);
    expect(await entryIds()).toEqual(idsOfRun(previous, PREVIOUS)); // the killed apply rolled back; the earlier import is intact

    const done = await restartAndFinish(id);
    // reapplied 0: the killed attempt committed nothing; replaced: the earlier import's rows, once.
    expect(done.result?.applied).toMatchObject({ inserted: ROWS, replaced: PREVIOUS, reapplied: 0 });
    await expectExactlyOneRun(id, ROWS);
  }, 120_000);
});
