// A factor created or changed through the API starts the recalculation pipeline of the entries it feeds
// (recalculation → aggregation), on real PostgreSQL with the job runner of the process.
import { AuditPage, CopyFactorsResult, Entry, FactorImpact, FactorPage, FactorWritten, Pipeline } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
};
const planes = '/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel/plane/entries';
const trip = { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy', number_of_trips: 1 };

describe('factor writes start the recalculation pipeline', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: keyof typeof accounts, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });

  async function pipelineDone(id: string): Promise<Pipeline> {
    let pipeline = Pipeline.parse(await (await call('admin', 'GET', `/api/v1/pipelines/${id}`)).json());
    for (let i = 0; i < 150 && pipeline.phase !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      pipeline = Pipeline.parse(await (await call('admin', 'GET', `/api/v1/pipelines/${id}`)).json());
    }
    return pipeline;
  }

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer, runJobs: true });
    await seedEntryFixtures(api.database.pool);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when an admin changes the short-haul plane ef with PATCH, then the existing trip and its module show the new figures after the pipeline', async () => {
    const created = await call('principal', 'POST', planes, { data: trip });
    expect(created.status, await created.clone().text()).toBe(201);
    const before = Entry.parse(await created.json());
    expect(before.totalKgCo2eq).toBeCloseTo(503 * 0.2906 * 1.35, 9);

    const page = FactorPage.parse(await (await call('admin', 'GET', '/api/v1/factors?year=2025&submodule=professional-travel/plane&q=short_to')).json());
    expect(page.items).toHaveLength(1);
    const factor = page.items[0]!;
    // The impact preview first: per unit, now and with the new value; nothing is written.
    const previewRes = await call('admin', 'POST', `/api/v1/factors/${factor.id}/impact`, { values: { ...factor.values, ef_kg_co2eq_per_km: 0.4 } });
    expect(previewRes.status, await previewRes.clone().text()).toBe(200);
    const preview = FactorImpact.parse(await previewRes.json());
    expect(preview).toMatchObject({ supported: true, entriesForEngine: 0, units: [{ unitCode: 'LAB-CARBON' }] });
    expect(preview.units[0]!.beforeKg).toBeCloseTo(503 * 0.2906 * 1.35, 9);
    expect(preview.totalDeltaKg).toBeCloseTo(503 * (0.4 - 0.2906) * 1.35, 9);
    const unchanged = await api.database.pool.query(`SELECT values->>'ef_kg_co2eq_per_km' AS ef FROM factors WHERE id = $1`, [factor.id]);
    expect(unchanged.rows[0].ef).toBe('0.2906');
    expect(Entry.parse(await (await call('principal', 'GET', `${planes}/${before.id}`)).json()).totalKgCo2eq).toBeCloseTo(before.totalKgCo2eq, 12);

    const res = await call('admin', 'PATCH', `/api/v1/factors/${factor.id}`, { values: { ...factor.values, ef_kg_co2eq_per_km: 0.4 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const written = FactorWritten.parse(await res.json());
    expect(written.values.ef_kg_co2eq_per_km).toBe(0.4);

    const pipeline = await pipelineDone(written.recalculation.pipelineId);
    expect(pipeline.jobs.map((j) => [j.type, j.state])).toEqual([['recalculate-emissions', 'succeeded'], ['aggregate-report-totals', 'succeeded']]);
    expect(pipeline.jobs[0]!.id).toBe(written.recalculation.jobId);
    const after = Entry.parse(await (await call('principal', 'GET', `${planes}/${before.id}`)).json());
    expect(after.totalKgCo2eq).toBeCloseTo(503 * 0.4 * 1.35, 9);
    // The preview said what the recalculation then produced.
    const applied = await api.database.pool.query(`SELECT sum(kg_co2eq)::float8 AS kg FROM entry_emissions WHERE factor_id = $1`, [factor.id]);
    expect(applied.rows[0].kg).toBeCloseTo(preview.units[0]!.afterKg, 9);
    const [module] = (
      await api.database.pool.query(
        `SELECT rm.total_kg FROM report_modules rm JOIN carbon_reports cr ON cr.id = rm.report_id JOIN units u ON u.id = cr.unit_id
         WHERE u.code = 'LAB-CARBON' AND cr.year = 2025 AND rm.module = 'professional-travel'`,
      )
    ).rows;
    expect(module.total_kg).toBeCloseTo(503 * 0.4 * 1.35, 6);
    // The factor's history names the change; the recalculation is audited with the factor it followed.
    const history = AuditPage.parse(await (await call('admin', 'GET', `/api/v1/audit?entityType=factor&entityId=${factor.id}`)).json());
    expect(history.items.map((r) => r.action)).toEqual(['factor.update']);
    const recalc = await api.database.pool.query(`SELECT after->'factorIds' AS ids FROM audit_log WHERE action = 'emissions.recalculate'`);
    expect(recalc.rows).toEqual([{ ids: [factor.id] }]);
  });

  it('when an admin creates a factor that a trip was missing, then the recalculation (full) computes that trip', async () => {
    const created = await call('principal', 'POST', planes, { data: { ...trip, cabin_class: 'business' } });
    const missing = Entry.parse(await created.json());
    expect(missing.status).toBe('not_computed');
    const res = await call('admin', 'POST', '/api/v1/factors', {
      year: 2025,
      submodule: 'professional-travel/plane',
      classification: { category: 'short_to_medium_haul', cabin_class: 'business' },
      values: { ef_kg_co2eq_per_km: 0.5, rfi_adjustment: 1.35, min_distance: 0, max_distance: 2500 },
      unit: 'kg CO2-eq/km',
      source: 'test',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const written = FactorWritten.parse(await res.json());
    const pipeline = await pipelineDone(written.recalculation.pipelineId);
    expect(pipeline.state).toBe('succeeded');
    const job = await api.database.pool.query(`SELECT payload FROM data_ingestion_jobs WHERE id = $1`, [written.recalculation.jobId]);
    expect(job.rows[0].payload).toMatchObject({ submodule: 'professional-travel/plane', year: 2025, full: true });
    const after = Entry.parse(await (await call('principal', 'GET', `${planes}/${missing.id}`)).json());
    expect(after.totalKgCo2eq).toBeCloseTo(503 * 0.5 * 1.35, 9);
  });

  it('when an admin copies 2025’s factors to 2026, then every identity is copied once, the rest is reported as kept, and 2026 is recalculated', async () => {
    const source = await api.database.pool.query(`SELECT submodule, count(*)::int AS n FROM factors WHERE year = 2025 GROUP BY submodule ORDER BY submodule`);
    const res = await call('admin', 'POST', '/api/v1/factor-copies', { fromYear: 2025, toYear: 2026 });
    expect(res.status, await res.clone().text()).toBe(200);
    const result = CopyFactorsResult.parse(await res.json());
    const total = source.rows.reduce((n, r) => n + r.n, 0);
    expect(result).toMatchObject({ fromYear: 2025, toYear: 2026, copied: total, skipped: 0 });
    expect(result.submodules.map((s) => [s.submodule, s.copied])).toEqual(source.rows.map((r) => [r.submodule, r.n]));
    expect(result.recalculations).toHaveLength(source.rows.length);
    const copied = await api.database.pool.query(`SELECT count(*)::int AS n FROM factors WHERE year = 2026`);
    expect(copied.rows[0].n).toBe(total);
    const plane = FactorPage.parse(await (await call('admin', 'GET', '/api/v1/factors?year=2026&submodule=professional-travel/plane&q=short_to_medium_haul')).json());
    expect(plane.items.find((f) => f.classification.cabin_class === 'economy')?.values.ef_kg_co2eq_per_km).toBe(0.4); // the value changed above
    for (const started of result.recalculations) expect((await pipelineDone(started.pipelineId)).state).toBe('succeeded');

    const again = CopyFactorsResult.parse(await (await call('admin', 'POST', '/api/v1/factor-copies', { fromYear: 2025, toYear: 2026, submodule: 'professional-travel/plane' })).json());
    expect(again).toMatchObject({ copied: 0, skipped: source.rows.find((r) => r.submodule === 'professional-travel/plane').n, recalculations: [] });
    const audit = await api.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'factor.copy_year'`);
    expect(audit.rows[0].n).toBe(2);
    const same = await call('admin', 'POST', '/api/v1/factor-copies', { fromYear: 2025, toYear: 2025 });
    expect(same.status).toBe(400);
    expect((await call('principal', 'POST', '/api/v1/factor-copies', { fromYear: 2025, toYear: 2027 })).status).toBe(403);
  });
});
