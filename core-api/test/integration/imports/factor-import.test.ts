// The factor-import job on real PostgreSQL: upsert on the factor identity in one transaction, stale factors
// reported (never deleted), dry run and refused files write nothing, and one recalculation chained per
// affected submodule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { factorImportJob, type FactorImportPayload, type FactorImportResult } from '../../../src/imports/jobs/factor-import.job.js';
import type { ChainedJob } from '../../../src/jobs/registry.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { clearImported, csvFile, jobContext, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
beforeAll(async () => {
  db = await createMigratedDatabase('core_factor_import');
  await seedImportFixtures(db.pool); // 2025: two plane economy bands, two gas factors
});
afterAll(async () => db?.dispose());
beforeEach(async () => {
  await clearImported(db.pool);
  // Back to the seeded factors: two plane economy bands, CO2 and R134a.
  await db.pool.query(`DELETE FROM factors WHERE NOT (
    (classification->>'cabin_class' = 'economy' AND classification->>'category' IN ('short_to_medium_haul', 'medium_to_long_haul'))
    OR classification->>'category' IN ('CO2', 'Refrigerants'))`);
  await db.pool.query(`UPDATE factors SET last_seen_job_id = NULL, unit = CASE WHEN submodule = 'process-emissions/gases' THEN 'kg' ELSE unit END`);
  await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.2906}' WHERE classification->>'category' = 'short_to_medium_haul'`);
  await db.pool.query(`UPDATE factors SET values = values || '{"ef_kg_co2eq_per_km": 0.1902}' WHERE classification->>'category' = 'medium_to_long_haul'`);
  await db.pool.query(`UPDATE factors SET values = '{"ef_kg_co2eq_per_unit": 1300}' WHERE classification->>'category' = 'Refrigerants'`);
});

const PLANE_HEADER = 'category,cabin_class,min_distance,max_distance,ef_kg_co2eq_per_km,rfi_adjustment,unit,source';
const SHORT = 'short_to_medium_haul,economy,0,2500,0.2906,1.35,kg CO2-eq/km,test';
const LONG = 'medium_to_long_haul,economy,2500,999999,0.1902,1.35,kg CO2-eq/km,test';

async function run(lines: string[], payload: Partial<FactorImportPayload> = {}) {
  const job = factorImportJob({ pool: db.pool, batchSize: 2 });
  const parsed = job.payload.parse({ path: await csvFile(lines), year: 2025, submodule: 'professional-travel/plane', ...payload });
  const chained: ChainedJob[] = [];
  const { ctx } = jobContext();
  ctx.chain = (c) => void chained.push(c);
  const result = (await job.handler(parsed, ctx)) as FactorImportResult;
  return { result, chained, jobId: ctx.jobId };
}
const planeFactors = async () =>
  (
    await db.pool.query(
      `SELECT classification->>'category' AS category, classification->>'cabin_class' AS cabin, values->>'ef_kg_co2eq_per_km' AS ef, last_seen_job_id
       FROM factors WHERE submodule = 'professional-travel/plane' ORDER BY 1, 2`,
    )
  ).rows;

describe('factor import', () => {
  it('when a file changes one factor, keeps one and adds one, then it upserts on the identity and stamps every listed factor', async () => {
    const { result, chained, jobId } = await run([PLANE_HEADER, SHORT.replace('0.2906', '0.3'), LONG, 'short_to_medium_haul,business,0,2500,0.6,1.35,kg CO2-eq/km,test']);
    expect(result.report.status).toBe('success');
    expect(result.applied).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, submodules: ['professional-travel/plane'], stale: [] });
    expect(await planeFactors()).toEqual([
      { category: 'medium_to_long_haul', cabin: 'economy', ef: '0.1902', last_seen_job_id: jobId },
      { category: 'short_to_medium_haul', cabin: 'business', ef: '0.6', last_seen_job_id: jobId },
      { category: 'short_to_medium_haul', cabin: 'economy', ef: '0.3', last_seen_job_id: jobId },
    ]);
    // A factor was added: any lookup may now choose it, so the recalculation asks the engine for every entry.
    expect(chained).toEqual([{ type: 'recalculate-emissions', payload: { submodule: 'professional-travel/plane', year: 2025, full: true } }]);
  });

  it('when the file has a relative_uncertainty column, then each factor stores its own (blank: none) and an out-of-range one is rejected naming the column', async () => {
    const header = `${PLANE_HEADER},relative_uncertainty`;
    const { result } = await run([header, `${SHORT},0.15`, `${LONG},`, 'short_to_medium_haul,business,0,2500,0.6,1.35,kg CO2-eq/km,test,12']);
    expect(result.report.status).toBe('warning');
    expect(JSON.stringify(result.report)).toContain('relative_uncertainty');
    const { rows } = await db.pool.query(
      `SELECT classification->>'category' AS category, classification->>'cabin_class' AS cabin, relative_uncertainty FROM factors WHERE submodule = 'professional-travel/plane' ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { category: 'medium_to_long_haul', cabin: 'economy', relative_uncertainty: null },
      { category: 'short_to_medium_haul', cabin: 'economy', relative_uncertainty: 0.15 },
    ]);
  });

  it('when only values change, then the chained recalculation is set-based on those factors', async () => {
    const { chained } = await run([PLANE_HEADER, SHORT.replace('0.2906', '0.31'), LONG]);
    const { rows } = await db.pool.query(`SELECT id FROM factors WHERE classification->>'category' = 'short_to_medium_haul'`);
    expect(chained).toEqual([{ type: 'recalculate-emissions', payload: { submodule: 'professional-travel/plane', year: 2025, factorIds: [rows[0].id], full: false } }]);
  });

  it('when nothing changes, then nothing is chained', async () => {
    const { result, chained } = await run([PLANE_HEADER, SHORT, LONG]);
    expect(result.applied).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(chained).toEqual([]);
  });

  it('when the file omits a factor of its scope, then that factor is listed as stale and kept', async () => {
    const { result } = await run([PLANE_HEADER, SHORT]);
    expect(result.applied?.stale).toEqual([
      { id: expect.any(String), submodule: 'professional-travel/plane', emissionType: null, classification: { category: 'medium_to_long_haul', cabin_class: 'economy' } },
    ]);
    expect((await planeFactors()).map((f) => f.category)).toEqual(['medium_to_long_haul', 'short_to_medium_haul']);
  });

  it('when some rows are rejected, then the rest is applied and the report is a warning with their lines', async () => {
    const { result } = await run([PLANE_HEADER, SHORT.replace('0.2906', '0.32'), 'medium_to_long_haul,economy,2500,999999,-1,1.35,kg CO2-eq/km,test']);
    expect(result.report.status).toBe('warning');
    expect(result.report.rejected.map((r) => [r.line, r.issues[0]?.column])).toEqual([[3, 'ef_kg_co2eq_per_km']]);
    expect(result.applied).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await planeFactors()).find((f) => f.category === 'short_to_medium_haul')?.ef).toBe('0.32');
  });

  it('when no row is accepted, then the status is error, nothing is written and nothing chained', async () => {
    const { result, chained } = await run([PLANE_HEADER, 'medium_to_long_haul,economy,2500,999999,abc-not-a-number-only,1.35,kg,test'.replace('abc-not-a-number-only', '-2')]);
    expect(result.report.status).toBe('error');
    expect(result.applied).toBeNull();
    expect(chained).toEqual([]);
    expect((await planeFactors()).every((f) => f.last_seen_job_id === null)).toBe(true);
  });

  it('when the file fails after batches were upserted, then the whole import is rolled back', async () => {
    const { result } = await run([PLANE_HEADER, SHORT.replace('0.2906', '0.33'), LONG, `${'x'.repeat(70_000)},economy,0,1,1,1,kg,test`]);
    expect(result.report.status).toBe('error');
    expect(result.report.fileError?.code).toBe('line_too_long');
    expect(await planeFactors()).toEqual([
      { category: 'medium_to_long_haul', cabin: 'economy', ef: '0.1902', last_seen_job_id: null },
      { category: 'short_to_medium_haul', cabin: 'economy', ef: '0.2906', last_seen_job_id: null },
    ]);
  });

  it('when it is a dry run, then the file is validated and nothing is written', async () => {
    const before = await db.pool.query(`SELECT id, values, updated_at, last_seen_job_id FROM factors ORDER BY id`);
    const audits = async () => (await db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'factor.import'`)).rows[0].n;
    const auditsBefore = await audits();
    const { result, chained } = await run([PLANE_HEADER, SHORT.replace('0.2906', '0.9'), 'new_band,economy,0,1,1,1,kg,test'], { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: null, report: { status: 'success', rows: { accepted: 2 } } });
    expect(chained).toEqual([]);
    expect((await db.pool.query(`SELECT id, values, updated_at, last_seen_job_id FROM factors ORDER BY id`)).rows).toEqual(before.rows);
    expect(await audits()).toBe(auditsBefore);
  });

  it('when a gas factor file lists one of two factors, then the other is stale and the recalculation is set-based on the changed one', async () => {
    const header = 'category,subcategory,unit,ef_kg_co2eq_per_unit,source';
    const { result, chained } = await run([header, 'Refrigerants,R134a,,1430,IPCC AR6'], { submodule: 'process-emissions/gases' });
    expect(result.applied).toMatchObject({ inserted: 0, updated: 1, submodules: ['process-emissions/gases'] });
    expect(result.applied?.stale.map((s) => s.classification)).toEqual([{ category: 'CO2', subcategory: null }]);
    expect(chained.map((c) => c.payload)).toEqual([{ submodule: 'process-emissions/gases', year: 2025, factorIds: [expect.any(String)], full: false }]);
    const audit = await db.pool.query(`SELECT after FROM audit_log WHERE action = 'factor.import' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit.rows[0]?.after).toMatchObject({ updated: 1, stale: 1 });
  });
});
