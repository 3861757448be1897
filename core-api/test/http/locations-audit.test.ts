import { AuditPage, BuildingRooms, ErrorBody, LocationDistance, LocationList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoSeedData } from '../../src/demo/load-seed-data.js';
import { createRepositories } from '../../src/repositories/index.js';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  member: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;

describe('locations search and distance, audit log over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const get = async (who: Who, path: string) => api.get(path, { token: await issuer.mint(accounts[who]) });
  const search = async (query: string, who: Who = 'member') => {
    const res = await get(who, `/api/v1/locations/search?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return LocationList.parse(await res.json()).items;
  };
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status, await res.clone().text()).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body.error;
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await createRepositories(api.database.db).reference.upsertStarter(loadDemoSeedData().reference);
    await api.database.pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES (2025, 'process-emissions/gases', '{"category": "CO2"}', '{"ef_kg_co2eq_per_unit": 1}', 'kg', 'IPCC AR5')`);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a user asks for rooms, then the buildings come sorted, and one building’s rooms with type and surface', async () => {
    await api.database.pool.query(`INSERT INTO building_rooms (building_name, room_name, room_type, surface_m2) VALUES ('ZZ-TEST', 'ZZ 2 20', 'Office', 20.5), ('ZZ-TEST', 'ZZ 1 10', 'laboratories', 42) ON CONFLICT DO NOTHING`);
    const all = BuildingRooms.parse(await (await get('member', '/api/v1/locations/rooms')).json());
    expect(all.buildings).toContain('ZZ-TEST');
    expect(all.buildings).toEqual([...all.buildings].sort());
    expect(all.rooms).toEqual([]);
    const one = BuildingRooms.parse(await (await get('member', '/api/v1/locations/rooms?building=ZZ-TEST')).json());
    expect(one.rooms).toEqual([
      { buildingName: 'ZZ-TEST', roomName: 'ZZ 1 10', roomType: 'laboratories', surfaceM2: 42 },
      { buildingName: 'ZZ-TEST', roomName: 'ZZ 2 20', roomType: 'Office', surfaceM2: 20.5 },
    ]);
    await expectError(await get('member', '/api/v1/locations/rooms?floor=2'), 400, 'validation_failed');
    await expectError(await api.get('/api/v1/locations/rooms'), 401, 'unauthenticated');
  });

  it('finds airports by IATA code or name, the exact code first', async () => {
    expect((await search('kind=airport&q=gva'))[0]).toMatchObject({ kind: 'airport', code: 'GVA', countryCode: 'CH' });
    expect((await search('kind=airport&q=JFK'))[0]?.code).toBe('JFK');
    expect((await search('kind=airport&q=zurich')).map((l) => l.code)).toEqual(['ZRH']);
    expect((await search('kind=airport&q=Heathrow'))[0]?.code).toBe('LHR');
    const us = await search('kind=airport&q=international&country=us');
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((l) => l.countryCode === 'US')).toBe(true);
    expect(await search('kind=airport&q=airport&limit=2')).toHaveLength(2);
  });

  it('ranks a word starting with the query first, large airports first, and tolerates typos when nothing contains the text', async () => {
    expect((await search('kind=airport&q=Gen&limit=5')).map((l) => l.code)).toContain('GVA'); // "General …" airports are smaller
    expect((await search('kind=airport&q=Gen'))[0]?.code).toBe('GVA');
    expect((await search('kind=airport&q=new%20york'))[0]?.code).toBe('JFK');
    expect((await search('kind=airport&q=genva'))[0]?.code).toBe('GVA'); // a typo
    expect((await search('kind=station&q=Geneva'))[0]?.name).toBe('Genève'); // the English name of a French-named station
    expect(await search('kind=airport&q=jq')).toEqual([]); // no airport contains "jq", and no typo search under 3 characters
  });

  it('finds stations by name without accents, optionally in one country', async () => {
    expect((await search('kind=station&q=zurich'))[0]).toMatchObject({ kind: 'station', code: 'CH:zurich-hb', name: 'Zürich HB' });
    expect((await search('kind=station&q=GENEVE'))[0]?.name).toBe('Genève');
    expect((await search('kind=station&q=paris&country=FR')).map((l) => l.code).sort()).toEqual([
      'FR:paris-gare-de-l-est',
      'FR:paris-gare-de-lyon',
      'FR:paris-gare-du-nord',
      'FR:paris-montparnasse',
    ]);
    expect((await search('kind=station&q=wien&country=AT'))[0]).toMatchObject({ code: 'AT:wien-hauptbahnhof', name: 'Wien Hauptbahnhof' });
    expect(await search('kind=station&q=paris&country=CH')).toEqual([]);
  });

  it('treats wildcards and injection strings as plain text', async () => {
    expect(await search('kind=airport&q=%25')).toEqual([]);
    expect(await search(`kind=station&q=${encodeURIComponent("x' OR 1=1 --")}`)).toEqual([]);
    expect(await search('kind=airport&q=_')).toEqual([]);
  });

  it('refuses bad queries with 400 naming the field, and anonymous callers with 401', async () => {
    for (const [query, path] of [
      ['kind=airport', 'query.q'],
      ['kind=bus&q=gva', 'query.kind'],
      ['kind=airport&q=gva&limit=500', 'query.limit'],
      ['kind=airport&q=gva&country=Swiss', 'query.country'],
      [`kind=airport&q=${'a'.repeat(101)}`, 'query.q'],
      ['kind=airport&q=gva&sort=name', 'query'],
    ] as const) {
      const error = await expectError(await get('member', `/api/v1/locations/search?${query}`), 400, 'validation_failed');
      expect(error.details?.map((d) => d.path).join(' ')).toContain(path);
    }
    await expectError(await api.get('/api/v1/locations/search?kind=airport&q=gva'), 401, 'unauthenticated');
  });

  it('gives the one-trip distance the travel module uses (plane +95 km, train × 1.2) and 404 for unknown places', async () => {
    const plane = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=airport&from=gva&to=CDG')).json());
    expect(plane).toMatchObject({ greatCircleKm: 408, distanceKm: 503, from: { code: 'GVA' }, to: { code: 'CDG' } });
    const train = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=station&from=CH:lausanne&to=CH:zurich-hb')).json());
    expect(train.greatCircleKm).toBeGreaterThan(150);
    expect(train.distanceKm).toBe(Math.round(train.greatCircleKm * 1.2));
    await expectError(await get('member', '/api/v1/locations/distance?kind=airport&from=GVA&to=XXX'), 404, 'not_found');
    await expectError(await get('member', '/api/v1/locations/distance?kind=airport&from=GVA'), 400, 'validation_failed');
  });

  it('lists the audit log to admins only, newest first, filtered', async () => {
    const created = await api.send('POST', '/api/v1/units/LAB-CARBON/years/2025/modules/process-emissions/gases/entries', {
      token: await issuer.mint(accounts.principal),
      body: { data: { category: 'CO2', quantity: 2 } },
    });
    expect(created.status).toBe(201);
    const all = AuditPage.parse(await (await get('admin', '/api/v1/audit')).json());
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.map((r) => r.seq)).toEqual([...all.items.map((r) => r.seq)].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ action: 'entry.create', actorSubject: 'principal', unitCode: 'LAB-CARBON', year: 2025, after: { totalKgCo2eq: 2 } });
    const configs = AuditPage.parse(await (await get('admin', '/api/v1/audit?action=year_configuration.put&entityType=year_configuration')).json());
    expect(configs.items.map((r) => r.entityId).sort()).toEqual(['2024', '2025']);
    const mine = AuditPage.parse(await (await get('admin', '/api/v1/audit?actor=principal&unit=LAB-CARBON&year=2025&pageSize=1')).json());
    expect(mine).toMatchObject({ total: 1, pageSize: 1 });
    const future = AuditPage.parse(await (await get('admin', `/api/v1/audit?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).json());
    expect(future).toMatchObject({ total: 0, items: [] });
    for (const who of ['principal', 'member', 'reporter'] as const) await expectError(await get(who, '/api/v1/audit'), 403, 'forbidden');
    await expectError(await get('admin', '/api/v1/audit?from=yesterday'), 400, 'validation_failed');
    await expectError(await get('admin', '/api/v1/audit?pageSize=0'), 400, 'validation_failed');
  });
});
