import { Entry, FactorPage, Results } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures, seedResultsFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
const gases = '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/gases/entries';

// Hand-computed case: two CO2 rows share one factor (1 kg CO2-eq/kg: 1,000 kg + 500 kg = 1.5 t), one R134a row
// has another (1,300 kg CO2-eq/kg × 1 kg = 1.3 t). With u(CO2) = 10 % and u(R134a) = 20 %:
//   σ = √((0.10 × 1.5)² + (0.20 × 1.3)²) = √(0.0225 + 0.0676) = √0.0901 t
// and not √(0.1² + 0.05² + 0.26²) t, which treating the two CO2 rows as independent would give.
describe('uncertainty ranges of the results over HTTP (real PostgreSQL)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: keyof typeof accounts, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const results = async () => {
    const res = await call('principal', 'GET', '/api/v1/units/LAB-CARBON/years/2025/results?provisional=true');
    expect(res.status, await res.clone().text()).toBe(200);
    return Results.parse(await res.json());
  };
  const factorIds: Record<string, string> = {};
  const setUncertainty = async (category: string, relativeUncertainty: number | null) => {
    const res = await call('admin', 'PATCH', `/api/v1/factors/${factorIds[category]}`, { relativeUncertainty });
    expect(res.status, await res.clone().text()).toBe(200);
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    await seedResultsFixtures(api.database.pool);
    for (const data of [{ category: 'CO2', quantity: 1000 }, { category: 'CO2', quantity: 500 }, { category: 'Refrigerants', subcategory: 'R134a', quantity: 1 }]) {
      const res = await call('principal', 'POST', gases, { data });
      expect(res.status, await res.clone().text()).toBe(201);
      Entry.parse(await res.json());
    }
    const page = FactorPage.parse(await (await call('admin', 'GET', '/api/v1/factors?year=2025&submodule=process-emissions/gases')).json());
    for (const f of page.items) factorIds[String(f.classification.category)] = f.id;
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when no factor carries an uncertainty and the year tags nothing, then the range is the total itself', async () => {
    const r = await results();
    expect(r.totalTonnesCo2eq).toBeCloseTo(2.8, 9);
    expect(r.uncertainty).toMatchObject({ sigmaTonnesCo2eq: 0, low95TonnesCo2eq: r.totalTonnesCo2eq, high95TonnesCo2eq: r.totalTonnesCo2eq, byFactor: [] });
    expect(r.uncertainty.byModule.every((m) => m.sigmaTonnesCo2eq === 0)).toBe(true);
  });

  it('when factors carry uncertainties, then rows sharing a factor are fully correlated and different factors independent', async () => {
    await setUncertainty('CO2', 0.1);
    await setUncertainty('Refrigerants', 0.2);
    const { uncertainty: u, totalTonnesCo2eq: total } = await results();
    const sigma = Math.sqrt(0.0901);
    expect(u.sigmaTonnesCo2eq).toBeCloseTo(sigma, 9);
    expect(u.sigmaTonnesCo2eq).not.toBeCloseTo(Math.sqrt(0.1 ** 2 + 0.05 ** 2 + 0.26 ** 2), 3);
    expect(u.halfWidth95TonnesCo2eq).toBeCloseTo(1.96 * sigma, 9);
    expect(u.low95TonnesCo2eq).toBeCloseTo(total - 1.96 * sigma, 9);
    expect(u.high95TonnesCo2eq).toBeCloseTo(total + 1.96 * sigma, 9);
    expect(u.byFactor.map((f) => [f.label, f.basis, Number(f.tonnesCo2eq.toFixed(9)), f.relativeUncertainty])).toEqual([
      ['process-emissions/gases · Refrigerants · R134a', 'factor', 1.3, 0.2],
      ['process-emissions/gases · CO2', 'factor', 1.5, 0.1],
    ]);
    expect(u.byFactor[0]?.varianceShare).toBeCloseTo(0.0676 / 0.0901, 9);
    expect(u.byFactor[1]?.varianceShare).toBeCloseTo(0.0225 / 0.0901, 9);
    expect(u.byModule).toEqual([{ module: 'process-emissions', sigmaTonnesCo2eq: expect.closeTo(sigma, 9), halfWidth95TonnesCo2eq: expect.closeTo(1.96 * sigma, 9) }]);
  });

  it('when a factor has no uncertainty, then the year’s module tag gives the default (high = 50 %)', async () => {
    await setUncertainty('Refrigerants', null);
    const config = { openToUsers: true, workingDaysPerYear: 230, modules: { 'process-emissions': { enabled: true, uncertainty: 'high', submodules: {} } }, reductionGoals: [] };
    expect((await call('admin', 'PUT', '/api/v1/years/2025/configuration', config)).status).toBe(200);
    const { uncertainty: u } = await results();
    expect(u.sigmaTonnesCo2eq).toBeCloseTo(Math.sqrt((0.1 * 1.5) ** 2 + (0.5 * 1.3) ** 2), 9);
    expect(u.byFactor.find((f) => f.label.includes('R134a'))).toMatchObject({ basis: 'tag', relativeUncertainty: 0.5 });
    expect(u.byFactor.find((f) => f.label.endsWith('CO2'))).toMatchObject({ basis: 'factor', relativeUncertainty: 0.1 });
  });

  it('refuses an uncertainty out of range, naming the field', async () => {
    const res = await call('admin', 'PATCH', `/api/v1/factors/${factorIds.CO2}`, { relativeUncertainty: -0.1 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('relativeUncertainty');
  });
});
