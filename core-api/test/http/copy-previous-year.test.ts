import { CopyPreview, EntryList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
};
type Who = keyof typeof accounts;
const gases = (year: number) => `/api/v1/units/LAB-CARBON/years/${year}/modules/process-emissions/gases/entries`;
const copy = '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/copy-from-previous-year';

describe('copy from the previous year over HTTP (real PostgreSQL)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool); // 2025 factors: CO2 1 kg/kg, R134a 1300 kg/kg; none for 2024
    for (const data of [{ category: 'CO2', quantity: 10 }, { category: 'Refrigerants', subcategory: 'R134a', quantity: 2 }]) {
      const res = await call('principal', 'POST', gases(2024), { data, note: '2024 leak' });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when the principal previews, then the rows and kg are recomputed with this year’s factors and nothing is written', async () => {
    const res = await call('principal', 'GET', `${copy}?submodule=gases`);
    expect(res.status, await res.clone().text()).toBe(200);
    const preview = CopyPreview.parse(await res.json());
    expect(preview).toEqual({ fromYear: 2024, toYear: 2025, rows: 2, kgCo2eq: 10 + 2600, submodules: [{ submodule: 'gases', rows: 2, kgCo2eq: 2610, previousKgCo2eq: 0 }] });
    const list = EntryList.parse(await (await call('principal', 'GET', gases(2025))).json());
    expect(list.total).toBe(0);
  });

  it('when the principal copies, then the counts and kg are those previewed, the rows are marked as copied, in one go', async () => {
    const preview = CopyPreview.parse(await (await call('principal', 'GET', copy)).json());
    const res = await call('principal', 'POST', copy, {});
    expect(res.status, await res.clone().text()).toBe(201);
    expect(CopyPreview.parse(await res.json())).toEqual(preview);
    const list = EntryList.parse(await (await call('principal', 'GET', gases(2025))).json());
    expect(list.total).toBe(preview.rows);
    expect(list.sumKgCo2eq).toBeCloseTo(preview.kgCo2eq, 9);
    expect(list.items.map((e) => [e.source, e.note])).toEqual([['copied', '2024 leak'], ['copied', '2024 leak']]);
    const audit = await api.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'entry.create' AND year = 2025`);
    expect(audit.rows[0].n).toBe(2);
  });

  it('when a member asks, or a submodule is unknown, then the API refuses before anything is computed', async () => {
    expect((await call('member', 'GET', copy)).status).toBe(403);
    expect((await call('member', 'POST', copy, {})).status).toBe(403);
    expect((await call('principal', 'GET', `${copy}?submodule=nope`)).status).toBe(404);
    expect((await call('principal', 'POST', copy, { submodule: 'gases', extra: 1 })).status).toBe(400);
  });
});
