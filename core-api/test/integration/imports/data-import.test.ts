// The data-import job handler on real PostgreSQL: stage → compute → apply in one transaction, or nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataImportJob, type DataImportPayload, type DataImportResult } from '../../../src/imports/jobs/data-import.job.js';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.js';
import { appliedEntries, clearImported, csvFile, jobContext, moduleTotals, seedImportFixtures } from './import-fixtures.js';

let db: MigratedDatabase;
let run: (payload: Partial<DataImportPayload> & { path: string }, jobId?: string) => Promise<DataImportResult>;
beforeAll(async () => {
  db = await createMigratedDatabase('core_imports');
  await seedImportFixtures(db.pool);
  const job = dataImportJob({ db: db.db, pool: db.pool, batchSize: 2 });
  run = async (payload, jobId) => {
    const parsed = job.payload.parse({ format: 'process-gases', mode: 'per-year', year: 2025, ...payload });
    return (await job.handler(parsed, jobContext(jobId).ctx)) as DataImportResult;
  };
});
afterAll(async () => db?.dispose());
beforeEach(async () => clearImported(db.pool));

const GASES = ['unit_institutional_id,category,subcategory,quantity', '10208,CO2,,10', '10208,Refrigerants,R134a,2', '10300,CO2,,5'];
const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;

describe('a valid per-year file', () => {
  it('when imported, then entries, emissions and module totals are written in one go', async () => {
    const result = await run({ path: await csvFile(GASES) });
    expect(result.report.status).toBe('success');
    expect(result.applied).toMatchObject({ inserted: 3, replaced: 0, reapplied: 0, modules: 2 });
    const rows = await appliedEntries(db.pool);
    expect(rows.map((r) => [r.unit, r.source, r.status, r.total_kg, r.emissions, r.emission_kg])).toEqual([
      ['10208', 'csv_year', 'computed', 10, 1, 10],
      ['10208', 'csv_year', 'computed', 2600, 1, 2600],
      ['10300', 'csv_year', 'computed', 5, 1, 5],
    ]);
    expect(await moduleTotals(db.pool, '10208', 'process-emissions')).toMatchObject({ total_kg: 2610, entry_count: 2, totals: { bySubmodule: { 'process-emissions/gases': 2610 } } });
    expect(await moduleTotals(db.pool, '10300', 'process-emissions')).toMatchObject({ total_kg: 5, entry_count: 1 });
    const audit = await db.pool.query(`SELECT after FROM audit_log WHERE action = 'import.apply' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit.rows[0]?.after).toMatchObject({ format: 'process-gases', inserted: 3 });
  });
});

describe('a file with problems', () => {
  it('when some rows are rejected, then the rest is applied and the rejected lines are reported', async () => {
    const path = await csvFile([
      'unit_institutional_id,origin_iata,destination_iata,user_institutional_id,cabin_class',
      '10208,GVA,CDG,150322,economy',
      '99999,GVA,CDG,150322,economy',
      '10208,GVA,CDG,150322,sofa',
      '10300,GVA,ZZZ,150322,economy',
    ]);
    const result = await run({ path, format: 'travel-planes' });
    expect(result.report.status).toBe('warning');
    expect(result.report.rejected.map((r) => [r.line, r.issues[0]?.column])).toEqual([[3, 'unit_institutional_id'], [4, 'cabin_class']]);
    expect(result.report.notices.map((r) => r.line)).toEqual([5]);
    const rows = await appliedEntries(db.pool);
    expect(rows.map((r) => [r.unit, r.status, r.emissions])).toEqual([['10208', 'computed', 1], ['10300', 'not_computed', 0]]);
    expect(rows[0]?.total_kg).toBeGreaterThan(100);
    expect((await moduleTotals(db.pool, '10208', 'professional-travel'))?.total_kg).toBeCloseTo(rows[0]?.total_kg ?? -1, 6);
  });

  it('when no row is accepted, then the status is error and nothing is written', async () => {
    const result = await run({ path: await csvFile(['unit_institutional_id,category,subcategory,quantity', '99999,CO2,,1', '10208,CO2,,-4']) });
    expect(result.report.status).toBe('error');
    expect(result.report.rows.rejected).toBe(2);
    expect(result.applied).toBeNull();
    expect(await count('entries')).toBe(0);
    expect(await count('carbon_reports')).toBe(0);
  });

  it('when the file fails late (after batches were staged), then nothing is applied', async () => {
    const path = await csvFile([...GASES, '10300,CO2,,7', `10300,CO2,${'x'.repeat(70_000)},1`]);
    const result = await run({ path });
    expect(result.report.status).toBe('error');
    expect(result.report.fileError?.code).toBe('line_too_long');
    expect(result.applied).toBeNull();
    expect(await count('entries')).toBe(0);
  });

  it('when the job is aborted, then nothing is applied', async () => {
    const controller = new AbortController();
    controller.abort();
    const job = dataImportJob({ db: db.db, pool: db.pool });
    const payload = job.payload.parse({ path: await csvFile(GASES), format: 'process-gases', mode: 'per-year', year: 2025 });
    const result = (await job.handler(payload, jobContext(undefined, controller.signal).ctx)) as DataImportResult;
    expect(result.report.fileError?.code).toBe('aborted');
    expect(await count('entries')).toBe(0);
  });
});

describe('dry run', () => {
  it('when dryRun is set, then the file is validated and nothing is written', async () => {
    const result = await run({ path: await csvFile([...GASES, '99999,CO2,,1']), dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: null, report: { status: 'warning', rows: { accepted: 3, rejected: 1 } } });
    expect(await count('entries')).toBe(0);
    expect(await count('carbon_reports')).toBe(0);
  });
});

describe('modes', () => {
  it('per-year replaces the year’s imported rows of every unit; unit-specific appends and survives the replace', async () => {
    await run({ path: await csvFile(GASES) });
    const unitFile = await csvFile(['category,subcategory,quantity', 'CO2,,1']);
    await run({ path: unitFile, mode: 'unit-specific', unitCode: '10300' });
    await run({ path: unitFile, mode: 'unit-specific', unitCode: '10300' });
    const second = await run({ path: await csvFile(['unit_institutional_id,category,subcategory,quantity', '10208,CO2,,3']) });
    expect(second.applied).toMatchObject({ inserted: 1, replaced: 3 });
    const rows = await appliedEntries(db.pool);
    expect(rows.map((r) => [r.unit, r.source, r.total_kg])).toEqual([
      ['10208', 'csv_year', 3],
      ['10300', 'csv_unit', 1],
      ['10300', 'csv_unit', 1],
    ]);
    expect(await moduleTotals(db.pool, '10208', 'process-emissions')).toMatchObject({ total_kg: 3, entry_count: 1 });
    expect(await moduleTotals(db.pool, '10300', 'process-emissions')).toMatchObject({ total_kg: 2, entry_count: 2 });
  });

  it('when a unit-specific import names an unknown unit, then the job fails and nothing is written', async () => {
    await expect(run({ path: await csvFile(['category,subcategory,quantity', 'CO2,,1']), mode: 'unit-specific', unitCode: 'NOPE' })).rejects.toThrow(/unknown unit "NOPE"/);
    expect(await count('entries')).toBe(0);
  });
});

describe('re-runs', () => {
  it('when the same job runs again (crash after commit, retry), then exactly one copy of its rows exists', async () => {
    const path = await csvFile(['category,subcategory,quantity', 'CO2,,1', 'Refrigerants,R134a,1', 'CO2,,2']);
    const jobId = '5b0c1f6e-2f51-4d5e-9a43-0d2b8c7d6a11';
    const first = await run({ path, mode: 'unit-specific', unitCode: '10208' }, jobId);
    const again = await run({ path, mode: 'unit-specific', unitCode: '10208' }, jobId);
    expect(first.applied).toMatchObject({ inserted: 3, reapplied: 0 });
    expect(again.applied).toMatchObject({ inserted: 3, reapplied: 3 });
    expect((await appliedEntries(db.pool)).map((r) => r.total_kg)).toEqual([1, 2, 1300]);
    expect(await moduleTotals(db.pool, '10208', 'process-emissions')).toMatchObject({ total_kg: 1303, entry_count: 3 });
  });
});
