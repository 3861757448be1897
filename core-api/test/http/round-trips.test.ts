import { EntryList, ErrorBody, RoundTrip } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { returnLeg } from '../../src/domain/entries/write-entry.js';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  member: { sub: 'ice-member', name: 'Mia Member', roles: ['user.standard@unit:LAB-ICE'] },
  other: { sub: 'ice-other', name: 'Olaf Other', roles: ['user.standard@unit:LAB-ICE'] },
  stranger: { sub: 'soil', name: 'Sam Soil', roles: ['user.principal@unit:LAB-SOIL'] },
};
type Who = keyof typeof accounts;
const trips = (sub: string, year = 2025) => `/api/v1/units/LAB-ICE/years/${year}/modules/professional-travel/${sub}/round-trips`;
const list = (sub: string) => `/api/v1/units/LAB-ICE/years/2025/modules/professional-travel/${sub}/entries`;

describe('round trips over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: Who, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const count = async () => Number((await api.database.pool.query('SELECT count(*) AS n FROM entries')).rows[0].n);

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedDemo(api.database.db);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a standard user books a plane round trip, then outbound and return entries are created with the same emissions', async () => {
    const res = await call('member', 'POST', trips('plane'), { data: { origin_iata: 'GVA', destination_iata: 'LHR', user_institutional_id: '200001', cabin_class: 'economy' }, note: 'conference' });
    expect(res.status, await res.clone().text()).toBe(201);
    const trip = RoundTrip.parse(await res.json());
    expect(trip.outbound.data).toMatchObject({ origin_iata: 'GVA', destination_iata: 'LHR' });
    expect(trip.return.data).toMatchObject({ origin_iata: 'LHR', destination_iata: 'GVA', cabin_class: 'economy', user_institutional_id: '200001' });
    expect(trip.outbound.status).toBe('computed');
    expect(trip.return.totalKgCo2eq).toBeCloseTo(trip.outbound.totalKgCo2eq, 9);
    expect(trip.return.note).toBe('conference');
    const mine = EntryList.parse(await (await call('member', 'GET', list('plane'))).json());
    expect(mine.items.map((e) => e.id).sort()).toEqual([trip.outbound.id, trip.return.id].sort());
    expect(EntryList.parse(await (await call('other', 'GET', list('plane'))).json()).total).toBe(0); // somebody else's trips
  });

  it('swaps names, countries and location keys of train trips', async () => {
    const res = await call('member', 'POST', trips('train'), {
      data: { origin_name: 'Lausanne', destination_name: 'Milano Centrale', origin_country_code: 'CH', destination_country_code: 'IT', user_institutional_id: '200001', cabin_class: 'second' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const trip = RoundTrip.parse(await res.json());
    expect(trip.return.data).toMatchObject({ origin_name: 'Milano Centrale', destination_name: 'Lausanne', origin_country_code: 'IT', destination_country_code: 'CH' });
    expect(trip.return.totalKgCo2eq).toBeCloseTo(trip.outbound.totalKgCo2eq, 9);
    expect(returnLeg({ origin_name: 'A', destination_name: 'B', destination_location_key: 'k' })).toEqual({ origin_name: 'B', destination_name: 'A', origin_location_key: 'k' });
  });

  it('refuses bad data (400 naming the field), other labs (404) and closed years (422), writing nothing', async () => {
    const before = await count();
    const bad = await call('member', 'POST', trips('plane'), { data: { origin_iata: 'GENEVA', destination_iata: 'LHR', user_institutional_id: '1', cabin_class: 'economy' } });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(await bad.json()).error.details?.[0]?.path).toBe('body.data.origin_iata');
    const stranger = await call('stranger', 'POST', trips('plane'), { data: { origin_iata: 'GVA', destination_iata: 'LHR', user_institutional_id: '1', cabin_class: 'economy' } });
    expect(stranger.status).toBe(404);
    const closed = await call('member', 'POST', trips('plane', 2023), { data: { origin_iata: 'GVA', destination_iata: 'LHR', user_institutional_id: '1', cabin_class: 'economy' } });
    expect(closed.status).toBe(422);
    expect((await call('member', 'POST', trips('bus'), { data: {} })).status).toBe(400);
    expect(await count()).toBe(before);
  });
});
