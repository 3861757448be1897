import { Entry, ErrorBody, LocationDistance, TripList, TripRouteList, type Trip } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

// The demo lab's 2025 trips (seed-data/demo-entries.json): 4 flights and 3 train journeys; the member recorded
// GVA→JFK, JFK→GVA and Genève→Paris Gare de Lyon, the others come from the principal's side of the seed.
const accounts = {
  member: { sub: 'member', name: 'Max Member', institutional_id: '100002', roles: ['user.standard@unit:LAB-CARBON'] },
  principal: { sub: 'principal', name: 'Paula Principal', institutional_id: '100001', roles: ['user.principal@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  catal: { sub: 'catal', name: 'Carl Catal', roles: ['user.principal@unit:LAB-CATAL'] },
};
type Who = keyof typeof accounts;
const base = '/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel';
const route = (t: Pick<Trip, 'origin' | 'destination'>) => `${t.origin.code ?? t.origin.name}→${t.destination.code ?? t.destination.name}`;

describe('trips of the professional-travel module over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const get = async (who: Who, path: string) => api.get(path, { token: await issuer.mint(accounts[who]) });
  const trips = async (who: Who, query = '') => {
    const res = await get(who, `${base}/trips${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return TripList.parse(await res.json());
  };
  const routesOf = async (who: Who, query = '') => {
    const res = await get(who, `${base}/trip-routes${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return TripRouteList.parse(await res.json());
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

  it('when the principal lists the trips, then flights and train journeys come together with both ends, distances as the distance route says, and sums', async () => {
    const list = await trips('principal', '?pageSize=50');
    expect(list.total).toBe(7);
    expect(list.items.map((t) => t.type).sort()).toEqual(['plane', 'plane', 'plane', 'plane', 'train', 'train', 'train']);
    const jfk = list.items.find((t) => route(t) === 'GVA→JFK');
    expect(jfk).toMatchObject({
      origin: { code: 'GVA', municipality: 'Geneva', countryCode: 'CH', known: true },
      destination: { code: 'JFK', countryCode: 'US', known: true },
      travellerId: '100002',
      cabinClass: 'economy',
      numberOfTrips: 1,
      haulBand: { category: 'medium_to_long_haul', minKm: 2500, maxKm: 999999 },
      trainCountry: null,
      readOnly: false,
      factor: { year: 2025, classification: { category: 'medium_to_long_haul', cabin_class: 'economy' }, unit: 'kg CO2-eq/km' },
    });
    expect(jfk?.factor?.source).toMatch(/mobitool/);
    const distance = LocationDistance.parse(await (await get('principal', '/api/v1/locations/distance?kind=airport&from=GVA&to=JFK&year=2025')).json());
    expect(jfk?.oneTripKm).toBe(distance.distanceKm);
    expect(jfk?.distanceKm).toBe(distance.distanceKm);
    expect(jfk?.entry.emissions[0]?.inputs.distance_km).toBe(distance.distanceKm); // what the engine used
    expect(jfk?.entry.totalKgCo2eq).toBeCloseTo(distance.distanceKm * 0.1902 * 1.35, 6);

    const zurich = list.items.find((t) => t.origin.name === 'Lausanne' && t.destination.name === 'Zürich HB');
    expect(zurich).toMatchObject({ type: 'train', origin: { code: 'CH:lausanne', countryCode: 'CH' }, numberOfTrips: 6, trainCountry: { country: 'CH', rule: 'both_in_ch' }, haulBand: null });
    expect(zurich?.distanceKm).toBe((zurich?.oneTripKm ?? 0) * 6);
    expect(zurich?.distanceKm).toBe(zurich?.entry.emissions[0]?.inputs.distance_km);
    expect(list.items.find((t) => t.destination.name === 'Paris Gare de Lyon')?.trainCountry).toEqual({ country: 'FR', rule: 'destination_abroad' });

    expect(list.summary.entries).toBe(7);
    expect(list.summary.kgCo2eq).toBeCloseTo(list.items.reduce((s, t) => s + t.entry.totalKgCo2eq, 0), 6);
    expect(list.summary.distanceKm).toBe(list.items.reduce((s, t) => s + (t.distanceKm ?? 0), 0));
    expect(list.summary.numberOfTrips).toBe(list.items.reduce((s, t) => s + t.numberOfTrips, 0));
  });

  it('when a standard user lists the trips, then only the trips they recorded are returned, also in the routes', async () => {
    const mine = await trips('member');
    expect(mine.items.map(route).sort()).toEqual(['GVA→JFK', 'JFK→GVA', 'CH:geneve→FR:paris-gare-de-lyon'].sort());
    const routes = await routesOf('member');
    expect(routes.items.reduce((s, r) => s + r.kgCo2eq, 0)).toBeCloseTo(mine.summary.kgCo2eq, 6);
    expect(routes.items.every((r) => r.travellerId === '100002')).toBe(true);
  });

  it('when filters are given, then the list narrows: type, traveller, place (code, city, accents), class and haul band', async () => {
    const routesWith = async (query: string) => (await trips('principal', `${query}&pageSize=50`)).items.map(route).sort();
    expect(await routesWith('?type=train')).toHaveLength(3);
    expect(await routesWith('?traveller=100001')).toEqual(['CH:lausanne→CH:zurich-hb', 'GVA→LHR', 'ZRH→NRT']);
    expect(await routesWith('?place=geneva')).toEqual(['GVA→JFK', 'GVA→LHR', 'JFK→GVA']); // the airport's city
    expect(await routesWith('?place=GENÈVE')).toEqual(['CH:geneve→FR:paris-gare-de-lyon']); // a station, accents ignored
    expect(await routesWith('?place=zur')).toEqual(['CH:lausanne→CH:zurich-hb', 'ZRH→NRT']);
    expect(await routesWith('?cabinClass=business')).toEqual(['ZRH→NRT']);
    expect(await routesWith('?haulBand=short_to_medium_haul')).toEqual(['GVA→LHR']);
    expect(await routesWith('?haulBand=medium_to_long_haul&type=train')).toEqual(['GVA→JFK', 'JFK→GVA', 'ZRH→NRT']); // a band means flights
    expect(await routesWith('?haulBand=no_such_band')).toEqual([]);
    const filtered = await trips('principal', '?place=zur');
    expect(filtered.summary.entries).toBe(2);
    expect(filtered.summary.kgCo2eq).toBeCloseTo(filtered.items.reduce((s, t) => s + t.entry.totalKgCo2eq, 0), 6);
  });

  it('when sorted and paged, then the order holds across pages and the distance order is the one shown', async () => {
    const byDistance = await trips('principal', '?sort=distanceKm&order=desc&pageSize=50');
    const distances = byDistance.items.map((t) => t.distanceKm ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
    expect(route(byDistance.items[0] as Trip)).toBe('ZRH→NRT');
    const byKg = await trips('principal', '?sort=totalKgCo2eq&order=asc&pageSize=50');
    const kgs = byKg.items.map((t) => t.entry.totalKgCo2eq);
    expect(kgs).toEqual([...kgs].sort((a, b) => a - b));
    const pages = await Promise.all([1, 2, 3].map((page) => trips('principal', `?sort=totalKgCo2eq&order=asc&pageSize=3&page=${page}`)));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((t) => t.entry.id))).toEqual(byKg.items.map((t) => t.entry.id));
    expect(pages[2]?.total).toBe(7);
  });

  it('when a trip comes from the travel agency or names an unknown airport, then it says so: read-only, unknown end, no distance', async () => {
    const anyTrip = (await trips('principal', '?pageSize=1')).items[0]?.entry.id;
    const { rows } = await api.database.pool.query(`SELECT report_module_id FROM entries WHERE id = $1`, [anyTrip]);
    const agency = await api.database.pool.query(
      `INSERT INTO entries (report_module_id, submodule, data, source, status, kg_override)
       VALUES ($1, 'professional-travel/plane', $2, 'external_integration', 'computed', 123.5) RETURNING id`,
      [rows[0].report_module_id, { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100003', cabin_class: 'economy', number_of_trips: 1 }],
    );
    await api.database.pool.query(
      `INSERT INTO entry_emissions (entry_id, emission_type_id, emission_type, scope, category, kg_co2eq, formula, inputs)
       VALUES ($1, 50203, 'professional_travel__plane__eco', 3, 'professional_travel', 123.5, 'kg_co2eq (given)', '{"kg_co2eq": 123.5}')`,
      [agency.rows[0].id],
    );
    const created = await api.send('POST', `${base}/plane/entries`, {
      token: await issuer.mint(accounts.principal),
      body: { data: { origin_iata: 'GVA', destination_iata: 'XXX', user_institutional_id: '100001', cabin_class: 'economy' } },
    });
    const unknown = Entry.parse(await created.json());
    const list = await trips('principal', '?pageSize=50&type=plane');
    const fromAgency = list.items.find((t) => t.entry.id === agency.rows[0].id);
    expect(fromAgency).toMatchObject({ readOnly: true, readOnlyReason: 'external_integration', factor: null, haulBand: { category: 'short_to_medium_haul' } });
    expect(fromAgency?.entry.totalKgCo2eq).toBe(123.5);
    const xxx = list.items.find((t) => t.entry.id === unknown.id);
    expect(xxx).toMatchObject({ destination: { code: 'XXX', name: 'XXX', known: false, latitude: null }, oneTripKm: null, distanceKm: null, haulBand: null, readOnly: false });
    expect(xxx?.entry.reason).toBe('missing_location');
    const routes = await routesOf('principal', '?type=plane');
    expect(routes.items.find((r) => r.destination.code === 'XXX')).toMatchObject({ destination: { known: false }, distanceKm: 0, kgCo2eq: 0, haulBand: null });
    expect(routes.items.reduce((s, r) => s + r.kgCo2eq, 0)).toBeCloseTo(list.summary.kgCo2eq, 6);
  });

  it('refuses back-office roles (403), units the caller may not see (404) and bad queries (400 naming the parameter)', async () => {
    expect((await get('reporter', `${base}/trips`)).status).toBe(403);
    expect((await get('catal', `${base}/trip-routes`)).status).toBe(404);
    const bad = await get('principal', `${base}/trips?sort=kg`);
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(await bad.json()).error.details?.[0]?.path).toBe('query.sort');
    const badBand = await get('principal', `${base}/trips?haulBand=Long%20haul`);
    expect(ErrorBody.parse(await badBand.json()).error.details?.[0]?.path).toBe('query.haulBand');
  });

  it('when the distance of two stations or of two airports in a year is asked, then it also says which factor rule applies', async () => {
    const train = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=station&from=CH:lausanne&to=IT:milano-centrale')).json());
    expect(train.trainCountry).toEqual({ country: 'IT', rule: 'destination_abroad' });
    const short = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=airport&from=GVA&to=LHR&year=2025')).json());
    expect(short.haulBand).toEqual({ category: 'short_to_medium_haul', minKm: 0, maxKm: 2500 });
    const noFactors = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=airport&from=GVA&to=LHR&year=2031')).json());
    expect(noFactors.haulBand).toBeNull();
    const withoutYear = LocationDistance.parse(await (await get('member', '/api/v1/locations/distance?kind=airport&from=GVA&to=LHR')).json());
    expect(withoutYear).not.toHaveProperty('haulBand');
  });
});
