import { Entry, EntryList, ErrorBody } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  colleague: { sub: 'colleague', name: 'Cleo Colleague', roles: ['user.standard@unit:LAB-CARBON'] },
  icePrincipal: { sub: 'ice', name: 'Ivan Ice', roles: ['user.principal@unit:LAB-ICE'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;
const lab = '/api/v1/units/LAB-CARBON/years/2025/modules';
const gases = `${lab}/process-emissions/gases/entries`;
const planes = `${lab}/professional-travel/plane/entries`;
const trip = { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy' };

describe('entries: who may do what, and bad input', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) =>
    api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const entryCount = async () => Number((await api.database.pool.query('SELECT count(*) AS n FROM entries')).rows[0].n);
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  };
  let gasId: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    const res = await call('principal', 'POST', gases, { data: { category: 'CO2', quantity: 5 } });
    gasId = Entry.parse(await res.json()).id;
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('a principal of another lab gets 404 for every route of this lab, with nothing about the entry', async () => {
    await expectError(await call('icePrincipal', 'GET', gases), 404, 'not_found');
    await expectError(await call('icePrincipal', 'POST', gases, { data: { category: 'CO2', quantity: 1 } }), 404, 'not_found');
    const err = await expectError(await call('icePrincipal', 'GET', `${gases}/${gasId}`), 404, 'not_found');
    expect(err.message).not.toContain(gasId);
    await expectError(await call('icePrincipal', 'PATCH', `${gases}/${gasId}`, { note: 'x' }), 404, 'not_found');
    await expectError(await call('icePrincipal', 'DELETE', `${gases}/${gasId}`), 404, 'not_found');
  });

  it('back-office roles get no module data: 403 for the reporter who sees the unit, 403 for the admin', async () => {
    await expectError(await call('reporter', 'GET', gases), 403, 'forbidden');
    await expectError(await call('admin', 'GET', gases), 403, 'forbidden');
    await expectError(await call('admin', 'POST', planes, { data: trip }), 403, 'forbidden');
  });

  it('a standard user may not touch the unit’s other modules (403) nor units that are not labs or do not exist (404)', async () => {
    await expectError(await call('member', 'GET', gases), 403, 'forbidden');
    await expectError(await call('member', 'POST', `${lab}/headcount/member/entries`, { data: {} }), 403, 'forbidden');
    await expectError(await call('principal', 'GET', '/api/v1/units/ENV/years/2025/modules/process-emissions/gases/entries'), 404, 'not_found');
    await expectError(await call('principal', 'GET', '/api/v1/units/NOPE/years/2025/modules/process-emissions/gases/entries'), 404, 'not_found');
  });

  it('standard users see and edit only their own trips; the principal sees everybody’s', async () => {
    const mine = Entry.parse(await (await call('member', 'POST', planes, { data: trip })).json());
    const theirs = Entry.parse(await (await call('colleague', 'POST', planes, { data: { ...trip, user_institutional_id: '100002' } })).json());
    const listOf = async (who: Who) => EntryList.parse(await (await call(who, 'GET', planes)).json()).items.map((e) => e.id);
    expect(await listOf('member')).toEqual([mine.id]);
    expect(await listOf('colleague')).toEqual([theirs.id]);
    expect((await listOf('principal')).sort()).toEqual([mine.id, theirs.id].sort());
    await expectError(await call('member', 'GET', `${planes}/${theirs.id}`), 404, 'not_found');
    await expectError(await call('member', 'DELETE', `${planes}/${theirs.id}`), 404, 'not_found');
    expect((await call('principal', 'PATCH', `${planes}/${mine.id}`, { note: 'checked' })).status).toBe(200);
  });

  it('cloud and AI are open to standard users of the unit', async () => {
    const res = await call('member', 'POST', `${lab}/external-cloud-ai/cloud/entries`, { data: { service_type: 'compute', provider: 'AWS', spent_amount: 10 } });
    expect(res.status).toBe(201);
    expect(Entry.parse(await res.json())).toMatchObject({ status: 'not_computed', reason: 'missing_factor', data: { currency: 'eur' } });
  });

  it('malformed payloads get 400 with the field named, and nothing is written', async () => {
    const before = await entryCount();
    const cases: [unknown, string][] = [
      [{ data: { category: 'CO2', quantity: -1 } }, 'body.data.quantity'],
      [{ data: { category: 'CO2', quantity: '12' } }, 'body.data.quantity'],
      [{ data: { category: 'CO2', quantity: 1, kg_co2eq: 5 } }, 'body.data'],
      [{ data: { category: 'CO2' } }, 'body.data.quantity'],
      [{ data: { category: 'x'.repeat(10_000), quantity: 1 } }, 'body.data.category'],
      [{ data: { category: "CO2'; DROP TABLE entries; --", quantity: 1e308 } }, 'body.data.quantity'],
      [{ data: { category: 'CO2', quantity: 1 }, extra: true }, 'body'],
      [{ note: 'no data' }, 'body.data'],
      [[1, 2], 'body'],
    ];
    for (const [body, path] of cases) {
      const err = await expectError(await call('principal', 'POST', gases, body), 400, 'validation_failed');
      expect(err.details?.map((d) => d.path).join(' ')).toContain(path);
    }
    await expectError(await call('principal', 'PATCH', `${gases}/${gasId}`, {}), 400, 'validation_failed');
    await expectError(await call('principal', 'GET', `${gases}?pageSize=1000`), 400, 'validation_failed');
    await expectError(await call('principal', 'GET', `${lab}/food/gases/entries`), 400, 'validation_failed');
    await expectError(await call('principal', 'GET', `${gases}/not-a-uuid`), 400, 'validation_failed');
    await expectError(await call('principal', 'GET', `${lab}/process-emissions/robots/entries`), 404, 'not_found');
    await expectError(await call('principal', 'POST', `${lab}/buildings/embodied-energy/entries`, { data: {} }), 403, 'forbidden');
    expect(await entryCount()).toBe(before);
  });
});
