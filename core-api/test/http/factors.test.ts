import { ErrorBody, Factor, FactorPage, Taxonomy } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedResultsFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
};
type Who = keyof typeof accounts;
const server = { year: 2025, submodule: 'equipment/it', classification: { equipment_class: 'Servers' }, values: { active_power_w: 160, standby_power_w: 30, ef_kg_co2eq_per_kwh: 0.097 }, unit: 'kg CO2-eq/kWh', source: 'test' };

describe('factors and taxonomies over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedResultsFixtures(api.database.pool);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when an admin creates a factor, then it is listed, readable, used by new entries and audited', async () => {
    const res = await call('admin', 'POST', '/api/v1/factors', server);
    expect(res.status, await res.clone().text()).toBe(201);
    const factor = Factor.parse(await res.json());
    expect(factor).toMatchObject({ year: 2025, submodule: 'equipment/it', emissionType: null, classification: { equipment_class: 'Servers' } });
    const page = FactorPage.parse(await (await call('admin', 'GET', '/api/v1/factors?year=2025&submodule=equipment/it')).json());
    expect(page.items.map((f) => f.classification.equipment_class).sort()).toEqual(['Laptop', 'Servers']);
    expect(Factor.parse(await (await call('admin', 'GET', `/api/v1/factors/${factor.id}`)).json())).toEqual(factor);
    const entry = await call('principal', 'POST', '/api/v1/units/LAB-CARBON/years/2025/modules/equipment/it/entries', {
      data: { equipment_id: 'S1', name: 'Server', equipment_class: 'Servers', active_usage_hours_per_week: 158, standby_usage_hours_per_week: 10 },
    });
    const entryBody = (await entry.json()) as { totalKgCo2eq: number };
    expect(entryBody.totalKgCo2eq, JSON.stringify(entryBody)).toBeCloseTo((((158 * 160 + 10 * 30) * 52) / 1000) * 0.097, 9);
    const audit = await api.database.pool.query(`SELECT action, entity_id, actor_subject FROM audit_log WHERE entity_type = 'factor'`);
    expect(audit.rows).toEqual([{ action: 'factor.create', entity_id: factor.id, actor_subject: 'admin' }]);
  });

  it('stores classification keys without a value as absent: null, blank and missing are one identity', async () => {
    const gas = { year: 2024, submodule: 'process-emissions/gases', values: { ef_kg_co2eq_per_unit: 1 }, unit: 'kg', source: 'test' };
    const res = await call('admin', 'POST', '/api/v1/factors', { ...gas, classification: { category: 'N2O', subcategory: null } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(Factor.parse(await res.json()).classification).toEqual({ category: 'N2O' });
    expect((await call('admin', 'POST', '/api/v1/factors', { ...gas, classification: { category: 'N2O' } })).status).toBe(409);
    expect((await call('admin', 'POST', '/api/v1/factors', { ...gas, classification: { category: 'N2O', subcategory: ' ' } })).status).toBe(409);
  });

  it('refuses a duplicate identity with 409 conflict, an unknown emission type or bad values with 400', async () => {
    await expectError(await call('admin', 'POST', '/api/v1/factors', server), 409, 'conflict');
    const bad: [unknown, string][] = [
      [{ ...server, emissionType: 'buildings' }, 'body.emissionType'], // a roll-up without a single scope
      [{ ...server, emissionType: 'made_up' }, 'body.emissionType'],
      [{ ...server, submodule: 'equipment/laser' }, 'body.submodule'],
      [{ ...server, values: {} }, 'body.values'],
      [{ ...server, values: { ef: 'x'.repeat(501) } }, 'body.values.ef'],
      [{ ...server, classification: { 'Bad Key': 1 } }, 'body.classification'],
      [{ ...server, year: 1990 }, 'body.year'],
      [{ ...server, extra: 1 }, 'body'],
    ];
    for (const [body, path] of bad) {
      const error = await expectError(await call('admin', 'POST', '/api/v1/factors', body), 400, 'validation_failed');
      expect(error.details?.map((d) => d.path).join(' ')).toContain(path);
    }
  });

  it('when an admin updates a factor, then the change is stored and audited; unknown ids are 404, taken identities 409', async () => {
    const page = FactorPage.parse(await (await call('admin', 'GET', '/api/v1/factors?submodule=equipment/it&year=2025')).json());
    const laptop = page.items.find((f) => f.classification.equipment_class === 'Laptop')!;
    const res = await call('admin', 'PATCH', `/api/v1/factors/${laptop.id}`, { values: { ...laptop.values, active_power_w: 45 }, source: 'updated' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(Factor.parse(await res.json())).toMatchObject({ id: laptop.id, source: 'updated', values: { active_power_w: 45 } });
    await expectError(await call('admin', 'PATCH', `/api/v1/factors/${laptop.id}`, { classification: { equipment_class: 'Servers' } }), 409, 'conflict');
    await expectError(await call('admin', 'PATCH', '/api/v1/factors/00000000-0000-4000-8000-000000000000', { source: 'x' }), 404, 'not_found');
    await expectError(await call('admin', 'PATCH', `/api/v1/factors/${laptop.id}`, {}), 400, 'validation_failed');
    const audit = await api.database.pool.query(`SELECT action, before->'values'->>'active_power_w' AS before, after->'values'->>'active_power_w' AS after FROM audit_log WHERE action = 'factor.update'`);
    expect(audit.rows).toEqual([{ action: 'factor.update', before: '50', after: '45' }]);
  });

  it('gives everybody the taxonomy of a submodule derived from the year’s factors', async () => {
    const taxonomy = Taxonomy.parse(await (await call('principal', 'GET', '/api/v1/years/2025/taxonomies/equipment%2Fit')).json());
    expect(taxonomy).toMatchObject({ year: 2025, submodule: 'equipment/it', fields: { equipment_class: ['Laptop', 'Servers'] } });
    expect(taxonomy.classifications).toHaveLength(2);
    const empty = Taxonomy.parse(await (await call('reporter', 'GET', '/api/v1/years/2030/taxonomies/equipment%2Fit')).json());
    expect(empty).toMatchObject({ fields: {}, classifications: [] });
    await expectError(await call('principal', 'GET', '/api/v1/years/2025/taxonomies/nope'), 400, 'validation_failed');
  });

  it('refuses factor administration to everybody but admins (403)', async () => {
    for (const who of ['principal', 'reporter'] as const) {
      await expectError(await call(who, 'GET', '/api/v1/factors'), 403, 'forbidden');
      await expectError(await call(who, 'POST', '/api/v1/factors', { ...server, classification: { equipment_class: 'Other' } }), 403, 'forbidden');
    }
    const count = await api.database.pool.query(`SELECT count(*) AS n FROM factors WHERE classification->>'equipment_class' = 'Other'`);
    expect(count.rows[0].n).toBe('0');
  });
});
