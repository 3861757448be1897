// Two real core-api processes (src/main.ts) on one database share 50 queued data-import jobs: each job runs
// exactly once (one attempt, one apply), both replicas take part, and the entries are exactly those of 50 runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportJob, DATA_IMPORT_JOB, type DataImportPayload, type DataImportResult } from '../../src/imports/jobs/data-import.job.js';
import { stagedId } from '../../src/repositories/import-staging.repository.js';
import { enqueueJob } from '../../src/repositories/job.repository.js';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';
import { csvFile, seedImportFixtures, UNITS as FIXTURE_UNITS } from '../integration/imports/import-fixtures.js';
import { childOutput, killAll, startCoreApi, waitFor, type CoreApiProcess } from './core-api-process.js';

const EXTRA_UNITS = ['10400', '10500', '10600'];
const UNITS = [...FIXTURE_UNITS, ...EXTRA_UNITS];
const JOBS = 50;

let db: MigratedDatabase;
let issuer: TestIssuer;
let replicas: CoreApiProcess[] = [];
beforeAll(async () => {
  [db, issuer] = await Promise.all([createMigratedDatabase('core_process_replicas'), startTestIssuer()]);
  await seedImportFixtures(db.pool); // units EPFL, 10208, 10300; airports GVA, CDG; plane and gas factors of 2025
  for (const code of EXTRA_UNITS) {
    await db.pool.query(
      `INSERT INTO units (code, name, name_fr, level, path, parent_id) SELECT $1, $1, $1, 2, ARRAY['EPFL', $1], id FROM units WHERE code = 'EPFL'`,
      [code],
    );
  }
  const env = { JOB_CONCURRENCY: '2', JOB_POLL_INTERVAL_MS: '200' };
  replicas = await Promise.all(['replica-a', 'replica-b'].map((name) => startCoreApi({ name, databaseUrl: db.testDb.url, issuer: issuer.issuer, env })));
}, 60_000);
afterAll(async () => {
  await killAll();
  await Promise.all([db?.dispose(), issuer?.close()]);
});

/** Job i: a unit-specific append of 3 flights (even i) or 2 gas rows (odd i) to one of five units. */
function jobFile(i: number): { lines: string[]; payload: Omit<DataImportPayload, 'path' | 'dryRun'> } {
  const unitCode = UNITS[i % UNITS.length] as string;
  const common = { mode: 'unit-specific' as const, year: 2025, unitCode };
  if (i % 2 === 0) {
    const lines = ['origin_iata,destination_iata,user_institutional_id,number_of_trips,cabin_class'];
    for (let k = 0; k < 3; k++) lines.push(`GVA,CDG,${100_000 + i * 10 + k},${k + 1},economy`);
    return { lines, payload: { ...common, format: 'travel-planes' } };
  }
  return { lines: ['category,subcategory,quantity', `CO2,,${i + 1}`, 'Refrigerants,R134a,1'], payload: { ...common, format: 'process-gases' } };
}

describe('two core-api processes on one database', () => {
  it('when 50 data-import jobs are queued, then each runs exactly once, both replicas take part, and the entries are those of 50 runs', async () => {
    const definition = dataImportJob({ db: db.db, pool: db.pool });
    const planned = await Promise.all(
      Array.from({ length: JOBS }, async (_, i) => {
        const { lines, payload } = jobFile(i);
        return { rows: lines.length - 1, payload: definition.payload.parse({ ...payload, path: await csvFile(lines) }) };
      }),
    );
    // All 50 become visible at once (one transaction): both replicas find them by polling, neither was kicked.
    const jobs = await db.db.transaction(async (tx) => {
      const ids: { id: string; rows: number }[] = [];
      for (const p of planned) {
        const { id } = await enqueueJob(tx, { type: DATA_IMPORT_JOB, payload: p.payload, lockKey: definition.lockKey?.(p.payload) ?? null });
        ids.push({ id, rows: p.rows });
      }
      return ids;
    });

    // Each import chains its pipeline's aggregation when it finishes: wait for the imports, then for the queue to drain.
    await waitFor(
      'the 50 imports and their chained jobs to finish',
      async () => {
        const { rows } = await db.pool.query<{ imports: number; pending: number }>(
          `SELECT count(*) FILTER (WHERE type = 'data-import' AND state IN ('succeeded', 'failed', 'aborted'))::int AS imports,
                  count(*) FILTER (WHERE state IN ('queued', 'running'))::int AS pending
           FROM data_ingestion_jobs`,
        );
        return rows[0]?.imports === JOBS && rows[0].pending === 0 ? true : undefined;
      },
      50_000,
      100,
    );

    const { rows: finished } = await db.pool.query<{ id: string; state: string; attempts: number; error: string | null; lease_owner: string; result: DataImportResult }>(
      `SELECT id, state, attempts, error, lease_owner, result FROM data_ingestion_jobs WHERE type = 'data-import'`,
    );
    expect(finished, childOutput()).toHaveLength(JOBS);
    for (const job of finished) {
      const planned = jobs.find((j) => j.id === job.id);
      expect({ state: job.state, attempts: job.attempts, error: job.error }).toEqual({ state: 'succeeded', attempts: 1, error: null });
      expect(job.result.applied).toMatchObject({ inserted: planned?.rows, reapplied: 0 });
    }
    // lease_owner stays on a finished row (the fenced finish clears only the token): it names the replica that ran it.
    const byReplica = replicas.map((r) => finished.filter((j) => j.lease_owner.startsWith(r.ownerPrefix)).length);
    expect(byReplica.reduce((a, b) => a + b), `owners: ${finished.map((j) => j.lease_owner).join(', ')}`).toBe(JOBS);
    expect(Math.min(...byReplica), `jobs per replica: ${byReplica.join(' / ')}`).toBeGreaterThan(0);

    // Each pipeline's chained aggregation also ran exactly once.
    const { rows: chained } = await db.pool.query<{ pipeline_id: string; type: string; state: string; attempts: number }>(
      `SELECT pipeline_id, type, state, attempts FROM data_ingestion_jobs WHERE type <> 'data-import' ORDER BY pipeline_id`,
    );
    expect(chained.map((c) => c.pipeline_id)).toEqual(jobs.map((j) => j.id).sort());
    expect(chained.every((c) => c.type === 'aggregate-report-totals' && c.state === 'succeeded' && c.attempts === 1), JSON.stringify(chained)).toBe(true);

    // One apply per job (the audit record is written inside the apply transaction) …
    const { rows: applies } = await db.pool.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM audit_log WHERE action = 'import.apply' GROUP BY entity_id`,
    );
    expect(applies.map((a) => a.n)).toEqual(Array<number>(JOBS).fill(1));
    expect(applies.map((a) => a.entity_id).sort()).toEqual(jobs.map((j) => j.id).sort());

    // … and the entries are exactly the deterministic ids of the 50 runs (file lines 2…n+1), each with its emission.
    const expectedIds = jobs.flatMap((j) => Array.from({ length: j.rows }, (_, k) => stagedId(j.id, k + 2))).sort();
    const { rows: entries } = await db.pool.query<{ id: string; source: string; status: string; emissions: number }>(
      `SELECT e.id, e.source, e.status, (SELECT count(*)::int FROM entry_emissions em WHERE em.entry_id = e.id) AS emissions FROM entries e ORDER BY e.id`,
    );
    expect(entries.map((e) => e.id)).toEqual(expectedIds);
    expect(entries.every((e) => e.source === 'csv_unit' && e.status === 'computed' && e.emissions === 1)).toBe(true);

    // Module totals, refreshed by concurrent applies on two processes, agree with the rows.
    const { rows: totals } = await db.pool.query<{ unit: string; module: string; entry_count: number; counted: number; total_kg: number; summed: number }>(
      `SELECT u.code AS unit, rm.module, rm.entry_count, rm.total_kg,
              (SELECT count(*)::int FROM entries e WHERE e.report_module_id = rm.id) AS counted,
              (SELECT coalesce(sum(em.kg_co2eq), 0)::float8 FROM entries e JOIN entry_emissions em ON em.entry_id = e.id WHERE e.report_module_id = rm.id) AS summed
       FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
       WHERE cr.year = 2025 ORDER BY 1, 2`,
    );
    // Every unit got flights and gases: 5 units × (professional-travel, process-emissions) hold the rows.
    expect(totals.filter((t) => t.counted > 0).map((t) => t.module)).toEqual(UNITS.flatMap(() => ['process-emissions', 'professional-travel']));
    for (const t of totals) {
      expect(t.entry_count, `${t.unit} ${t.module}`).toBe(t.counted);
      expect(t.total_kg).toBeCloseTo(t.summed, 6);
    }
    expect(totals.reduce((n, t) => n + t.counted, 0)).toBe(expectedIds.length);

    // Both processes still answer over HTTP.
    for (const r of replicas) expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
  }, 90_000);
});
