import { Entry, EntryList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
};
type Who = keyof typeof accounts;
const lab = '/api/v1/units/LAB-CARBON/years/2025/modules';
const gases = `${lab}/process-emissions/gases/entries`;
const planes = `${lab}/professional-travel/plane/entries`;

describe('entries over HTTP (process emissions and plane trips end to end)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) =>
    api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const sql = async <T extends object>(text: string, values: unknown[] = []) => (await api.database.pool.query(text, values)).rows as T[];
  const moduleRow = async (module: string) =>
    (await sql<{ status: string; total_kg: number; entry_count: number; totals: Record<string, Record<string, number>> }>(
      `SELECT m.status, m.total_kg, m.entry_count, m.totals FROM report_modules m JOIN carbon_reports r ON r.id = m.report_id
       JOIN units u ON u.id = r.unit_id WHERE u.code = 'LAB-CARBON' AND r.year = 2025 AND m.module = $1`, [module]))[0];
  const create = async (who: Who, path: string, data: unknown, note?: string) => {
    const res = await call(who, 'POST', path, { data, ...(note ? { note } : {}) });
    expect(res.status, await res.clone().text()).toBe(201);
    return Entry.parse(await res.json());
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a principal creates a gas entry, then it comes back with its emission, the module totals follow and the write is audited', async () => {
    const entry = await create('principal', gases, { category: 'Refrigerants', subcategory: 'R134a', quantity: 2 }, 'chiller leak');
    expect(entry).toMatchObject({ module: 'process-emissions', submodule: 'gases', status: 'computed', reason: null, note: 'chiller leak', totalKgCo2eq: 2600 });
    expect(entry.emissions).toEqual([expect.objectContaining({ emissionType: 'process_emissions__refrigerants', scope: 1, kgCo2eq: 2600, quantity: 2, quantityUnit: 'kg' })]);
    expect(entry.emissions[0]?.factorId).toMatch(/^[0-9a-f-]{36}$/);
    const factor = (await sql<{ source: string | null; emission_type: string | null }>('SELECT source, emission_type FROM factors WHERE id = $1', [entry.emissions[0]?.factorId]))[0]!;
    // The factor explains itself to whoever may read the entry (principals cannot read /factors).
    expect(entry.emissions[0]).toMatchObject({ factorSource: factor.source, factorLabel: expect.stringContaining(factor.emission_type ?? 'process-emissions/gases') });
    expect(entry.emissions[0]?.factorValues?.length).toBeGreaterThan(0);
    expect(await moduleRow('process-emissions')).toMatchObject({ status: 'in_progress', total_kg: 2600, entry_count: 1, totals: { byScope: { 1: 2600 } } });
    const audit = await sql<{ action: string; entity_id: string; unit_code: string; actor_subject: string }>(`SELECT action, entity_id, unit_code, actor_subject FROM audit_log ORDER BY seq`);
    expect(audit).toContainEqual({ action: 'entry.create', entity_id: entry.id, unit_code: 'LAB-CARBON', actor_subject: 'principal' });
    expect((await sql<{ bad: string | null }>('SELECT audit_log_verify() AS bad'))[0]?.bad).toBeNull();
  });

  it('when a plane trip names an unknown airport, then the entry is kept without emission and says missing_location', async () => {
    const entry = await create('principal', planes, { origin_iata: 'GVA', destination_iata: 'XXX', user_institutional_id: '100001', cabin_class: 'economy' });
    expect(entry).toMatchObject({ status: 'not_computed', reason: 'missing_location', emissions: [], totalKgCo2eq: 0 });
    expect(entry.reasonMessage).toContain('XXX');
  });

  it('when a plane trip is known, then distance +95 km, haul band, RFI and trips are applied (GVA→CDG 408 km → 503 km)', async () => {
    const entry = await create('principal', planes, { origin_iata: 'gva', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'Economy', number_of_trips: 2 });
    expect(entry.data).toMatchObject({ origin_iata: 'GVA', cabin_class: 'economy', number_of_trips: 2 });
    expect(entry.emissions[0]).toMatchObject({ quantity: 1006, inputs: { great_circle_km: 408, haul_category: 'short_to_medium_haul' } });
    expect(entry.totalKgCo2eq).toBeCloseTo(1006 * 0.2906 * 1.35, 9);
  });

  it('lists pages sorted as asked, and the read of one entry matches', async () => {
    await create('principal', gases, { category: 'CO2', quantity: 10 });
    await create('principal', gases, { category: 'CO2', quantity: 500 });
    const res = await call('principal', 'GET', `${gases}?pageSize=2&sort=totalKgCo2eq&order=desc`);
    const page = EntryList.parse(await res.json());
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2, sumKgCo2eq: 2600 + 500 + 10 });
    expect(page.items.map((e) => e.totalKgCo2eq)).toEqual([2600, 500]);
    const one = Entry.parse(await (await call('principal', 'GET', `${gases}/${page.items[1]!.id}`)).json());
    expect(one).toEqual(page.items[1]);
  });

  it('when data changes, then the entry is recomputed and a validated module goes back to in progress', async () => {
    const entry = await create('principal', gases, { category: 'CO2', quantity: 1 });
    await sql(`UPDATE report_modules SET status = 'validated', validated_at = now() WHERE module = 'process-emissions'`);
    const res = await call('principal', 'PATCH', `${gases}/${entry.id}`, { data: { category: 'CO2', quantity: 7 } });
    expect(res.status).toBe(200);
    expect(Entry.parse(await res.json())).toMatchObject({ totalKgCo2eq: 7, note: null });
    expect(await moduleRow('process-emissions')).toMatchObject({ status: 'in_progress', total_kg: 2600 + 10 + 500 + 7, entry_count: 4 });
    const noteOnly = await call('principal', 'PATCH', `${gases}/${entry.id}`, { note: 'meter reading' });
    expect(Entry.parse(await noteOnly.json())).toMatchObject({ totalKgCo2eq: 7, note: 'meter reading' });
  });

  it('when an entry is deleted, then it is gone (404) and the totals drop', async () => {
    const entry = await create('principal', gases, { category: 'CO2', quantity: 1000 });
    const before = (await moduleRow('process-emissions'))!.total_kg;
    expect((await call('principal', 'DELETE', `${gases}/${entry.id}`)).status).toBe(200);
    expect((await call('principal', 'GET', `${gases}/${entry.id}`)).status).toBe(404);
    expect((await call('principal', 'DELETE', `${gases}/${entry.id}`)).status).toBe(404);
    expect((await moduleRow('process-emissions'))!.total_kg).toBe(before - 1000);
    expect((await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'entry.delete' AND entity_id = $1`, [entry.id]))[0]?.n).toBe('1');
  });

  it('when ten entries are created at once, then the cached module totals count all of them', async () => {
    const cloud = `${lab}/external-cloud-ai/cloud/entries`;
    await api.database.pool.query(`INSERT INTO factors (year, submodule, classification, values) VALUES (2025, 'external-cloud-ai/cloud', '{"service_type": "storage", "provider": "OVH"}', '{"ef_kg_co2eq_per_currency": 1, "currency": "eur"}')`);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => call('principal', 'POST', cloud, { data: { service_type: 'storage', provider: 'OVH', spent_amount: i + 1 } })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await moduleRow('external-cloud-ai')).toMatchObject({ total_kg: 55, entry_count: 10 });
  });
});
