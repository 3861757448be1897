import { Entry, ErrorBody, Evolution, Report, ReportModule, Results } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures, seedResultsFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  icePrincipal: { sub: 'ice', name: 'Ivan Ice', roles: ['user.principal@unit:LAB-ICE'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;
const unit = '/api/v1/units/LAB-CARBON';
const entries = (year: number, module: string, submodule: string) => `${unit}/years/${year}/modules/${module}/${submodule}/entries`;
const status = (year: number, module: string) => `${unit}/years/${year}/modules/${module}/status`;

/** `(active_h × W + standby_h × W/10) × 52 / 1000 × 0.1` with the fixtures' 40 h / 128 h. */
const deviceKg = (watts: number) => (((40 * watts + 128 * (watts / 10)) * 52) / 1000) * 0.1;

describe('reports, module status and results over HTTP (equipment, headcount, process emissions end to end)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) =>
    api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const ok = async <T>(res: Response, parse: { parse(v: unknown): T }, expected = 200) => {
    expect(res.status, await res.clone().text()).toBe(expected);
    return parse.parse(await res.json());
  };
  const expectError = async (res: Response, expected: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(expected);
    expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
  };
  const create = async (path: string, data: unknown) => ok(await call('principal', 'POST', path, { data }), Entry, 201);
  const results = async (query = '', year = 2025) => ok(await call('principal', 'GET', `${unit}/years/${year}/results${query}`), Results);
  let centrifugeId: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    await seedResultsFixtures(api.database.pool);
    centrifugeId = (await create(entries(2025, 'equipment', 'scientific'), { equipment_id: 'E1', name: 'Centrifuge A', equipment_class: 'Centrifuge', active_usage_hours_per_week: 40, standby_usage_hours_per_week: 128 })).id;
    await create(entries(2025, 'equipment', 'it'), { equipment_id: 'L1', name: 'Laptop', equipment_class: 'Laptop' });
    await create(entries(2025, 'headcount', 'member'), { name: 'Ann', sius_code: '51', user_institutional_id: '100001', fte: 1 });
    await create(entries(2025, 'headcount', 'member'), { name: 'Bob', sius_code: '57', user_institutional_id: '100002', fte: 0.5 });
    await create(entries(2025, 'process-emissions', 'gases'), { category: 'CO2', quantity: 1000 });
    await create(entries(2024, 'process-emissions', 'gases'), { category: 'CO2', quantity: 500 });
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a principal reads the report, then every module comes with its status and cached totals', async () => {
    const report = await ok(await call('principal', 'GET', `${unit}/years/2025`), Report);
    expect(report).toMatchObject({ unit: 'LAB-CARBON', year: 2025, open: true, validatedModules: 0 });
    expect(report.modules).toHaveLength(8);
    const equipment = report.modules.find((m) => m.module === 'equipment');
    expect(equipment).toMatchObject({ status: 'in_progress', entryCount: 2, additionalKgCo2eq: 0 });
    expect(equipment?.totalKgCo2eq).toBeCloseTo(deviceKg(500) + deviceKg(50), 9);
    expect(report.modules.find((m) => m.module === 'headcount')).toMatchObject({ totalKgCo2eq: 300, additionalKgCo2eq: 300, entryCount: 2 });
    expect(report.modules.find((m) => m.module === 'buildings')).toMatchObject({ status: 'not_started', totalKgCo2eq: 0, entryCount: 0 });
  });

  it('when nothing is validated, then results count nothing by default and everything when provisional', async () => {
    expect(await results()).toMatchObject({ provisional: false, modules: [], totalTonnesCo2eq: 0, totalFte: 1.5, byModule: [] });
    const p = await results('?provisional=true');
    const kg = deviceKg(500) + deviceKg(50) + 1000;
    expect(p.provisional).toBe(true);
    expect(p.totalTonnesCo2eq).toBeCloseTo(kg / 1000, 9);
    expect(p.tonnesCo2eqPerFte).toBeCloseTo(kg / 1000 / 1.5, 9);
    expect(p.byScope.scope1).toBeCloseTo(1, 9);
    expect(p.byScope.scope2).toBeCloseTo((deviceKg(500) + deviceKg(50)) / 1000, 9);
    expect(p.additional).toMatchObject({ totalTonnesCo2eq: 0.3, tonnesCo2eqPerFte: expect.closeTo(0.2, 9), byCategory: [{ category: 'food', tonnesCo2eq: 0.3 }] });
    expect(p.itFocus.byEmissionType).toEqual([{ emissionType: 'equipment__it', tonnesCo2eq: expect.closeTo(deviceKg(50) / 1000, 9) }]);
  });

  it('when a principal validates modules, then the results count them with per FTE, scope, category and the change vs the previous year', async () => {
    for (const module of ['equipment', 'headcount', 'process-emissions']) {
      const m = await ok(await call('principal', 'POST', status(2025, module), { status: 'validated' }), ReportModule);
      expect(m).toMatchObject({ module, status: 'validated' });
      expect(m.validatedAt).not.toBeNull();
    }
    await ok(await call('principal', 'POST', status(2024, 'process-emissions'), { status: 'validated' }), ReportModule);
    const r = await results();
    const kg = deviceKg(500) + deviceKg(50) + 1000;
    expect(r.modules).toEqual(['headcount', 'equipment', 'process-emissions']);
    expect(r.totalTonnesCo2eq).toBeCloseTo(kg / 1000, 9);
    expect(r.tonnesCo2eqPerFte).toBeCloseTo(kg / 1000 / 1.5, 9);
    expect(r.previousTotalTonnesCo2eq).toBeCloseTo(0.5, 9);
    expect(r.changePercent).toBeCloseTo(((kg - 500) / 500) * 100, 9);
    expect(r.byModule.find((m) => m.module === 'process-emissions')).toMatchObject({ status: 'validated', tonnesCo2eq: 1, previousTonnesCo2eq: 0.5, changePercent: 100 });
    expect(r.byModule.find((m) => m.module === 'equipment')).toMatchObject({ previousTonnesCo2eq: null, changePercent: null });
    expect(r.byModule.find((m) => m.module === 'headcount')).toMatchObject({ tonnesCo2eq: 0 });
    expect(r.byCategory.map((c) => c.category)).toEqual(['process_emissions', 'equipment']);
    expect(r.byScope).toEqual({ scope1: 1, scope2: expect.closeTo((deviceKg(500) + deviceKg(50)) / 1000, 9), scope3: 0 });
    expect(r.additional.totalTonnesCo2eq).toBeCloseTo(0.3, 9);

    const evolution = await ok(await call('principal', 'GET', `${unit}/results/evolution`), Evolution);
    expect(evolution.years.map((y) => [y.year, y.validatedModules])).toEqual([[2024, ['process-emissions']], [2025, ['headcount', 'equipment', 'process-emissions']]]);
    expect(evolution.years[0]?.totalTonnesCo2eq).toBeCloseTo(0.5, 9);
    expect(evolution.years[1]?.totalTonnesCo2eq).toBeCloseTo(kg / 1000, 9);
  });

  it('when validated data changes, then the module is back in progress and leaves the validated results', async () => {
    const res = await call('principal', 'PATCH', `${entries(2025, 'equipment', 'scientific')}/${centrifugeId}`, { note: 'moved to the basement' });
    expect(res.status).toBe(200);
    const r = await results();
    expect(r.modules).toEqual(['headcount', 'process-emissions']);
    expect(r.totalTonnesCo2eq).toBeCloseTo(1, 9);
    const report = await ok(await call('principal', 'GET', `${unit}/years/2025`), Report);
    expect(report.modules.find((m) => m.module === 'equipment')?.status).toBe('in_progress');
    expect(report.validatedModules).toBe(2);
  });

  it('when a principal unvalidates, then the status goes back to in progress and both changes are audited', async () => {
    const m = await ok(await call('principal', 'POST', status(2025, 'headcount'), { status: 'in_progress' }), ReportModule);
    expect(m).toMatchObject({ status: 'in_progress', validatedAt: null, totalKgCo2eq: 300 });
    const { rows } = await api.database.pool.query(`SELECT action FROM audit_log WHERE entity_type = 'report_module' ORDER BY seq`);
    expect(rows.map((r) => r.action)).toEqual(['module.validate', 'module.validate', 'module.validate', 'module.validate', 'module.unvalidate']);
    expect((await api.database.pool.query('SELECT audit_log_verify() AS bad')).rows[0].bad).toBeNull();
  });

  it('when a standard user asks, then status changes and results are 403 and the report shows their modules without the travel total', async () => {
    await expectError(await call('member', 'POST', status(2025, 'equipment'), { status: 'validated' }), 403, 'forbidden');
    await expectError(await call('member', 'POST', status(2025, 'external-cloud-ai'), { status: 'validated' }), 403, 'forbidden');
    await expectError(await call('member', 'GET', `${unit}/years/2025/results`), 403, 'forbidden');
    await expectError(await call('member', 'GET', `${unit}/results/evolution`), 403, 'forbidden');
    const report = await ok(await call('member', 'GET', `${unit}/years/2025`), Report);
    expect(report.modules.map((m) => [m.module, m.totalKgCo2eq])).toEqual([['professional-travel', null], ['external-cloud-ai', 0]]);
  });

  it('when back-office roles ask, then module data is 403 (visible unit), results are the principal’s figures read-only, and another lab’s principal gets 404', async () => {
    for (const who of ['reporter', 'admin'] as const) {
      await expectError(await call(who, 'GET', `${unit}/years/2025`), 403, 'forbidden');
      await expectError(await call(who, 'POST', status(2025, 'equipment'), { status: 'validated' }), 403, 'forbidden');
      for (const path of [`${unit}/years/2025/results`, `${unit}/years/2025/results?provisional=true`, `${unit}/results/evolution`]) {
        const theirs = await call(who, 'GET', path);
        expect(theirs.status, `${who} ${path}`).toBe(200);
        expect(await theirs.json()).toEqual(await (await call('principal', 'GET', path)).json());
      }
    }
    for (const [method, path, body] of [
      ['GET', `${unit}/years/2025`],
      ['GET', `${unit}/years/2025/results`],
      ['GET', `${unit}/results/evolution`],
      ['POST', status(2025, 'equipment'), { status: 'validated' }],
      ['GET', '/api/v1/units/NOPE/years/2025'],
    ] as const) {
      await expectError(await call('icePrincipal', method, path, body), 404, 'not_found');
    }
  });

  it('refuses bad status bodies (400 naming the field) and status changes of a closed year (422 year_closed)', async () => {
    await expectError(await call('principal', 'POST', status(2025, 'equipment'), { status: 'done' }), 400, 'validation_failed');
    await expectError(await call('principal', 'POST', status(2025, 'equipment'), { status: 'validated', by: 'me' }), 400, 'validation_failed');
    await expectError(await call('principal', 'POST', status(2025, 'nope'), { status: 'validated' }), 400, 'validation_failed');
    await expectError(await call('principal', 'POST', status(2023, 'equipment'), { status: 'validated' }), 422, 'year_closed');
    await expectError(await call('principal', 'GET', `${unit}/years/2025/results?provisional=yes`), 400, 'validation_failed');
  });
});
