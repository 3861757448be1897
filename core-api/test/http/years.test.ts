import { ErrorBody, Report, YearConfiguration, YearList, type YearConfigurationBody } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;

const config = (over: Partial<YearConfigurationBody> = {}): YearConfigurationBody => ({
  openToUsers: true,
  workingDaysPerYear: 235,
  modules: {
    equipment: { enabled: true, uncertainty: 'medium', submodules: { it: { enabled: true, thresholdKg: 500 } } },
    'research-facilities': { enabled: false, uncertainty: 'none', submodules: {} },
  },
  reductionGoals: [{ label: 'Air travel −30 %', referenceYear: 2019, targetYear: 2030, reductionPercent: 30 }],
  ...over,
});

describe('years and their configuration over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) =>
    api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  };
  const entryCount = async () => Number((await api.database.pool.query('SELECT count(*) AS n FROM entries')).rows[0].n);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer }); // 2024 and 2025 open
    await seedEntryFixtures(api.database.pool);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when an admin reads a year never configured, then it has the defaults: closed, everything enabled, 230 working days', async () => {
    const res = await call('admin', 'GET', '/api/v1/years/2030/configuration');
    expect(res.status).toBe(200);
    const c = YearConfiguration.parse(await res.json());
    expect(c).toMatchObject({ year: 2030, openToUsers: false, workingDaysPerYear: 230, reductionGoals: [], updatedAt: null });
    expect(Object.keys(c.modules)).toHaveLength(8);
    expect(c.modules.purchases?.submodules).toHaveProperty('centralised', { enabled: true, thresholdKg: null });
  });

  it('when an admin replaces a configuration, then it is stored, merged with the defaults and audited', async () => {
    const res = await call('admin', 'PUT', '/api/v1/years/2023/configuration', config({ openToUsers: false }));
    expect(res.status, await res.clone().text()).toBe(200);
    const c = YearConfiguration.parse(await res.json());
    expect(c).toMatchObject({ year: 2023, openToUsers: false, workingDaysPerYear: 235 });
    expect(c.modules.equipment).toEqual({ enabled: true, uncertainty: 'medium', submodules: { scientific: { enabled: true, thresholdKg: null }, it: { enabled: true, thresholdKg: 500 }, other: { enabled: true, thresholdKg: null } } });
    expect(c.modules['research-facilities']?.enabled).toBe(false);
    expect(c.updatedAt).not.toBeNull();
    const again = YearConfiguration.parse(await (await call('admin', 'GET', '/api/v1/years/2023/configuration')).json());
    expect(again).toEqual(c);
    const { rows } = await api.database.pool.query(`SELECT action, entity_id, actor_subject FROM audit_log WHERE action = 'year_configuration.put' AND entity_id = '2023'`);
    expect(rows).toEqual([{ action: 'year_configuration.put', entity_id: '2023', actor_subject: 'admin' }]);
  });

  it('lists open years to users and every configured year to admins, newest first', async () => {
    const forUser = YearList.parse(await (await call('member', 'GET', '/api/v1/years')).json());
    expect(forUser.years).toEqual([{ year: 2025, openToUsers: true }, { year: 2024, openToUsers: true }]);
    const forAdmin = YearList.parse(await (await call('admin', 'GET', '/api/v1/years')).json());
    expect(forAdmin.years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
  });

  it('refuses configuration to everybody but admins (403)', async () => {
    for (const who of ['principal', 'member', 'reporter'] as const) {
      await expectError(await call(who, 'GET', '/api/v1/years/2025/configuration'), 403, 'forbidden');
      await expectError(await call(who, 'PUT', '/api/v1/years/2025/configuration', config()), 403, 'forbidden');
    }
  });

  it('refuses bad configurations with 400 naming the field, and stores nothing', async () => {
    const before = await (await call('admin', 'GET', '/api/v1/years/2023/configuration')).json();
    const cases: [unknown, string][] = [
      [{ ...config(), modules: { equipment: { enabled: true, uncertainty: 'none', submodules: { nope: { enabled: true, thresholdKg: null } } } } }, 'body.modules.equipment.submodules.nope'],
      [{ ...config(), modules: { flying: { enabled: true, uncertainty: 'none', submodules: {} } } }, 'body.modules'],
      [{ ...config(), modules: { equipment: { enabled: true, uncertainty: 'none', submodules: { it: { enabled: true, thresholdKg: -1 } } } } }, 'body.modules.equipment.submodules.it.thresholdKg'],
      [{ ...config(), workingDaysPerYear: 400 }, 'body.workingDaysPerYear'],
      [{ ...config(), reductionGoals: [{ label: 'x', referenceYear: 2030, targetYear: 2020, reductionPercent: 10 }] }, 'body.reductionGoals[0].targetYear'],
      [{ ...config(), extra: true }, 'body'],
      [{ openToUsers: 'yes' }, 'body.openToUsers'],
    ];
    for (const [body, path] of cases) {
      const error = await expectError(await call('admin', 'PUT', '/api/v1/years/2023/configuration', body), 400, 'validation_failed');
      expect(error.details?.map((d) => d.path).join(' ')).toContain(path);
    }
    await expectError(await call('admin', 'PUT', '/api/v1/years/1999/configuration', config()), 400, 'validation_failed');
    expect(await (await call('admin', 'GET', '/api/v1/years/2023/configuration')).json()).toEqual(before);
  });

  it('when a module or submodule is disabled for a year, then its entry writes are refused with 422 module_disabled and the report says so', async () => {
    const gases = '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/gases/entries';
    const off = config({
      modules: {
        'process-emissions': { enabled: true, uncertainty: 'high', submodules: { gases: { enabled: false, thresholdKg: null } } },
        equipment: { enabled: false, uncertainty: 'none', submodules: {} },
        purchases: { enabled: true, uncertainty: 'medium', submodules: { services: { enabled: true, thresholdKg: 500 } } },
      },
    });
    expect((await call('admin', 'PUT', '/api/v1/years/2025/configuration', off)).status).toBe(200);
    const count = await entryCount();
    await expectError(await call('principal', 'POST', gases, { data: { category: 'CO2', quantity: 3 } }), 422, 'module_disabled');
    const device = { equipment_id: 'E1', name: 'Laptop', equipment_class: 'Laptop' };
    await expectError(await call('principal', 'POST', '/api/v1/units/LAB-CARBON/years/2025/modules/equipment/it/entries', { data: device }), 422, 'module_disabled');
    expect(await entryCount()).toBe(count);
    const report = Report.parse(await (await call('principal', 'GET', '/api/v1/units/LAB-CARBON/years/2025')).json());
    expect(report.modules.find((m) => m.module === 'equipment')).toMatchObject({ enabled: false });
    expect(report.modules.find((m) => m.module === 'process-emissions')).toMatchObject({ enabled: true, uncertainty: 'high', submodules: [{ submodule: 'gases', enabled: false, thresholdKg: null }] });
    expect(report.modules.find((m) => m.module === 'purchases')?.submodules).toContainEqual({ submodule: 'services', enabled: true, thresholdKg: 500 });
    expect(report.modules.find((m) => m.module === 'equipment')?.submodules).toEqual([
      { submodule: 'scientific', enabled: true, thresholdKg: null },
      { submodule: 'it', enabled: true, thresholdKg: null },
      { submodule: 'other', enabled: true, thresholdKg: null },
    ]);
    expect((await call('admin', 'PUT', '/api/v1/years/2025/configuration', config())).status).toBe(200);
    expect((await call('principal', 'POST', gases, { data: { category: 'CO2', quantity: 3 } })).status).toBe(201);
  });

  it('when an admin closes a year, then entry writes and status changes are refused with 422 year_closed until it reopens', async () => {
    const gases = '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/gases/entries';
    const created = await call('principal', 'POST', gases, { data: { category: 'CO2', quantity: 3 } });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await call('admin', 'PUT', '/api/v1/years/2025/configuration', config({ openToUsers: false }))).status).toBe(200);
    const count = await entryCount();
    await expectError(await call('principal', 'POST', gases, { data: { category: 'CO2', quantity: 3 } }), 422, 'year_closed');
    await expectError(await call('principal', 'PATCH', `${gases}/${id}`, { note: 'late' }), 422, 'year_closed');
    await expectError(await call('principal', 'DELETE', `${gases}/${id}`), 422, 'year_closed');
    await expectError(await call('principal', 'POST', '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/status', { status: 'validated' }), 422, 'year_closed');
    expect(await entryCount()).toBe(count);
    expect((await call('principal', 'GET', `${gases}/${id}`)).status).toBe(200); // reading stays possible
    const years = YearList.parse(await (await call('member', 'GET', '/api/v1/years')).json());
    expect(years.years.map((y) => y.year)).toEqual([2024]);
    expect((await call('admin', 'PUT', '/api/v1/years/2025/configuration', config())).status).toBe(200);
    expect((await call('principal', 'PATCH', `${gases}/${id}`, { note: 'on time' })).status).toBe(200);
  });
});
