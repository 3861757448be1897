import { ErrorBody, ReportingExport, ReportingPage, Results } from '@co2/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { csvField } from '../../src/domain/reporting/csv.js';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
};
type Who = keyof typeof accounts;

describe('reporting over HTTP (demo data)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const get = async (who: Who, path: string) => api.get(path, { token: await issuer.mint(accounts[who]) });
  const page = async (who: Who, query: string) => {
    const res = await get(who, `/api/v1/reporting?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ReportingPage.parse(await res.json());
  };
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(status);
    expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedDemo(api.database.db);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a metier reporter asks, then the labs of their affiliation come with statuses and validated totals matching the results', async () => {
    const r = await page('reporter', 'year=2025');
    expect(r.items.map((i) => i.unit.code)).toEqual(['LAB-CARBON', 'LAB-ICE', 'LAB-SOIL']);
    const carbon = r.items[0]!;
    expect(carbon).toMatchObject({ status: 'in_progress', validatedModules: 7 });
    expect(carbon.modules.find((m) => m.module === 'purchases')).toMatchObject({ status: 'in_progress' });
    const results = Results.parse(await (await get('principal', '/api/v1/units/LAB-CARBON/years/2025/results')).json());
    expect(carbon.validatedTonnesCo2eq).toBeCloseTo(results.totalTonnesCo2eq, 9);
    expect(r.items[1]).toMatchObject({ status: 'not_started', validatedModules: 0, validatedTonnesCo2eq: 0 });
    expect(r.summary).toMatchObject({ labs: 3, validatedLabs: 0, inProgressLabs: 1, notStartedLabs: 2 });
    expect((await page('reporter', 'year=2024')).items[0]).toMatchObject({ unit: { code: 'LAB-CARBON' }, status: 'validated', validatedModules: 8 });
  });

  it('filters by unit subtree, report status and module status, and pages', async () => {
    expect((await page('reporter', 'year=2025&unit=ENV-ECO')).items.map((i) => i.unit.code)).toEqual(['LAB-SOIL']);
    expect((await page('reporter', 'year=2025&status=not_started')).items.map((i) => i.unit.code)).toEqual(['LAB-ICE', 'LAB-SOIL']);
    expect((await page('reporter', 'year=2025&module=purchases&moduleStatus=in_progress')).items.map((i) => i.unit.code)).toEqual(['LAB-CARBON']);
    const second = await page('admin', 'year=2025&pageSize=2&page=2');
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, summary: { labs: 5 } });
    expect(second.items.map((i) => i.unit.code)).toEqual(['LAB-SOIL', 'LAB-CATAL']);
  });

  it('when a text is searched, then labs whose code, name or parent code contain it are kept (case-insensitive)', async () => {
    expect((await page('reporter', 'year=2025&q=carbon')).items.map((i) => i.unit.code)).toEqual(['LAB-CARBON']);
    expect((await page('reporter', 'year=2025&q=env-eco')).items.map((i) => i.unit.code)).toEqual(['LAB-SOIL']);
    const none = await page('reporter', 'year=2025&q=catal');
    expect(none).toMatchObject({ total: 0, summary: { labs: 0 } }); // LAB-CATAL is outside the reporter's faculty
  });

  it('exports the same labs as JSON, within the caller’s scope', async () => {
    const res = await get('reporter', '/api/v1/reporting/export.json?year=2025&status=not_started');
    expect(res.status).toBe(200);
    const body = ReportingExport.parse(await res.json());
    const listed = await page('reporter', 'year=2025&status=not_started');
    expect(body).toEqual({ year: 2025, items: listed.items });
  });

  it('answers 404 for a unit outside the scope (as for an unknown one), 403 to user roles, 400 to bad filters', async () => {
    await expectError(await get('reporter', '/api/v1/reporting?year=2025&unit=SCI'), 404, 'not_found');
    await expectError(await get('reporter', '/api/v1/reporting?year=2025&unit=NOPE'), 404, 'not_found');
    await expectError(await get('principal', '/api/v1/reporting?year=2025'), 403, 'forbidden');
    await expectError(await get('member', '/api/v1/reporting/export.csv?year=2025'), 403, 'forbidden');
    await expectError(await get('admin', '/api/v1/reporting'), 400, 'validation_failed');
    await expectError(await get('admin', '/api/v1/reporting?year=2025&status=done'), 400, 'validation_failed');
    await expectError(await get('admin', '/api/v1/reporting?year=2025&pageSize=5000'), 400, 'validation_failed');
  });

  it('exports the same labs as CSV', async () => {
    const res = await get('admin', '/api/v1/reporting/export.csv?year=2025');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.unit_code)).toEqual(['LAB-CARBON', 'LAB-ICE', 'LAB-SOIL', 'LAB-CATAL', 'LAB-SPECTRO']);
    const json = await page('admin', 'year=2025');
    expect(Number(rows[0]?.validated_t_co2eq)).toBeCloseTo(json.items[0]!.validatedTonnesCo2eq, 9);
    expect(rows[0]).toMatchObject({ status: 'in_progress', validated_modules: '7', purchases_status: 'in_progress', unit_name: 'Carbon Cycle Laboratory' });
    const scoped = await get('reporter', '/api/v1/reporting/export.csv?year=2025&unit=ENV-CLIM');
    expect((parse(await scoped.text(), { columns: true }) as Record<string, string>[]).map((r) => r.unit_code)).toEqual(['LAB-CARBON', 'LAB-ICE']);
  });

  it('CSV fields are quoted when needed and never start a spreadsheet formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(Number.NaN)).toBe('');
  });
});
