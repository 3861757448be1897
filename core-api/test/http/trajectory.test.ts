import { Benchmark, Entry, ErrorBody, Trajectory } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures, seedResultsFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;
const unit = '/api/v1/units/LAB-CARBON';

// Validated process emissions (CO2, 1 kg CO2-eq per kg): 2,000 kg in 2024, 1,000 kg in 2025 → 2 t, then 1 t.
const goals = [
  { label: 'Half by 2030', referenceYear: 2024, targetYear: 2030, reductionPercent: 50 }, // path 2025 = 2 − 1 × 1/6
  { label: 'Ninety by 2025', referenceYear: 2024, targetYear: 2025, reductionPercent: 90 }, // allowed 2025 = 0.2 t
  { label: 'From 2023', referenceYear: 2023, targetYear: 2030, reductionPercent: 40 }, // nothing validated in 2023
  { label: 'From 2025', referenceYear: 2025, targetYear: 2027, reductionPercent: 10 }, // nothing validated after 2025
];

describe('trajectory to the reduction goals and per-FTE benchmark over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const ok = async <T>(res: Response, parse: { parse(v: unknown): T }, expected = 200) => {
    expect(res.status, await res.clone().text()).toBe(expected);
    return parse.parse(await res.json());
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    await seedResultsFixtures(api.database.pool);
    for (const year of [2024, 2025]) {
      const res = await call('admin', 'PUT', `/api/v1/years/${year}/configuration`, { openToUsers: true, workingDaysPerYear: 230, modules: {}, reductionGoals: year === 2025 ? goals : [] });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    for (const [year, quantity] of [[2024, 2000], [2025, 1000]] as const) {
      await ok(await call('principal', 'POST', `${unit}/years/${year}/modules/process-emissions/gases/entries`, { data: { category: 'CO2', quantity } }), Entry, 201);
      expect((await call('principal', 'POST', `${unit}/years/${year}/modules/process-emissions/status`, { status: 'validated' })).status).toBe(200);
    }
    for (const [name, id] of [['Ann', '100001'], ['Bob', '100002']]) {
      await ok(await call('principal', 'POST', `${unit}/years/2025/modules/headcount/member/entries`, { data: { name, sius_code: '51', user_institutional_id: id, fte: 1 } }), Entry, 201);
    }
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when the principal asks for 2025, then each goal has the straight path from the reference total, the validated totals on it and a verdict', async () => {
    const t = await ok(await call('principal', 'GET', `${unit}/years/2025/trajectory`), Trajectory);
    expect(t.goals.map((g) => [g.label, g.verdict])).toEqual([
      ['Half by 2030', 'on_track'],
      ['Ninety by 2025', 'off_track'],
      ['From 2023', 'no_reference'],
      ['From 2025', 'no_data'],
    ]);
    const [half, ninety, from2023, from2025] = t.goals;
    expect(half?.referenceTonnesCo2eq).toBeCloseTo(2, 9);
    expect(half?.targetTonnesCo2eq).toBeCloseTo(1, 9);
    expect(half?.path.map((p) => p.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(half?.path[1]?.tonnesCo2eq).toBeCloseTo(2 - 1 / 6, 9);
    expect(half?.path.at(-1)?.tonnesCo2eq).toBeCloseTo(1, 9);
    expect(half?.actual.map((a) => [a.year, Number(a.tonnesCo2eq.toFixed(9))])).toEqual([[2024, 2], [2025, 1]]);
    expect(half?.latest).toMatchObject({ year: 2025 });
    expect(half?.latest?.gapTonnesCo2eq).toBeCloseTo(1 - (2 - 1 / 6), 9);
    expect(ninety?.latest?.allowedTonnesCo2eq).toBeCloseTo(0.2, 9);
    expect(ninety?.latest?.gapTonnesCo2eq).toBeCloseTo(0.8, 9);
    expect(from2023).toMatchObject({ referenceTonnesCo2eq: null, path: [], latest: null });
    expect(from2025?.path.map((p) => p.year)).toEqual([2025, 2026, 2027]);
    expect(from2025?.latest).toBeNull();
  });

  it('when a year has no goal, then no trajectory; reporting staff read the same figures; a member is refused', async () => {
    expect((await ok(await call('principal', 'GET', `${unit}/years/2024/trajectory`), Trajectory)).goals).toEqual([]);
    const mine = await (await call('principal', 'GET', `${unit}/years/2025/trajectory`)).json();
    expect(await (await call('reporter', 'GET', `${unit}/years/2025/trajectory`)).json()).toEqual(mine);
    const refused = await call('member', 'GET', `${unit}/years/2025/trajectory`);
    expect(refused.status).toBe(403);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe('forbidden');
    expect((await call('principal', 'GET', '/api/v1/units/LAB-CATAL/years/2025/trajectory')).status).toBe(404);
  });

  it('when fewer than three labs are fully validated, then no institution average (no lab identifiable), but the unit’s per FTE and its objective', async () => {
    const b = await ok(await call('principal', 'GET', `${unit}/years/2025/benchmark`), Benchmark);
    expect(b.tonnesCo2eqPerFte).toBeCloseTo(1 / 2, 9); // 1 t validated, 2 FTE (headcount is not validated: FTE still counts)
    expect(b.institution).toBeNull();
    expect(b.objectiveTonnesCo2eqPerFte).toBeCloseTo((2 - 1 / 6) / 2, 9); // the first goal's path in 2025, per FTE
    expect((await call('member', 'GET', `${unit}/years/2025/benchmark`)).status).toBe(403);
  });
});
