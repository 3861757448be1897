import { Entry, EntryList, ErrorBody, Report } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const principal = { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] };
const base = '/api/v1/units/LAB-CARBON/years/2025/modules/buildings';
const rooms = `${base}/rooms/entries`;
const embodied = `${base}/embodied-energy/entries`;

describe('embodied energy derived from rooms over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(principal), body });
  const derived = async () => EntryList.parse(await (await call('GET', embodied)).json()).items;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await api.database.pool.query(`INSERT INTO building_rooms (building_name, room_name, room_type, surface_m2) VALUES ('BC', 'BC 110', 'laboratories', 120)`);
    await api.database.pool.query(`INSERT INTO factors (year, submodule, classification, values, unit, source) VALUES
      (2025, 'buildings/rooms', '{"building_name": "BC", "room_type": "laboratories"}', '{"energy_type": "thermal", "ef_kg_co2eq_per_kwh": 0.1, "lighting_kwh_per_square_meter": 10}', 'kg CO2-eq/kWh', 'test'),
      (2025, 'buildings/embodied-energy', '{"building_name": "default", "category": "new-tech"}', '{"ef_kgco2eq_per_m2": 4}', 'kg CO2-eq/m2', 'test'),
      (2025, 'buildings/embodied-energy', '{"building_name": "default", "category": "new-env"}', '{"ef_kgco2eq_per_m2": 6}', 'kg CO2-eq/m2', 'test')`);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when a room is created, then one embodied-energy entry is derived from its surface and counted as an additional category', async () => {
    const res = await call('POST', rooms, { data: { building_name: 'BC', room_name: 'BC 110', room_type: 'laboratories', room_allocation_ratio: 0.5 } });
    expect(res.status, await res.clone().text()).toBe(201);
    const room = Entry.parse(await res.json());
    expect(room.totalKgCo2eq).toBeCloseTo(120 * 10 * 0.5 * 0.1, 9);
    const [one, ...rest] = await derived();
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ source: 'derived', status: 'computed', data: { room_entry_id: room.id, building_name: 'BC', room_surface_square_meter: 120 }, totalKgCo2eq: 120 * 4 + 120 * 6 });
    expect(one?.emissions.map((e) => [e.emissionType, e.scope, e.additional, e.kgCo2eq])).toEqual([
      ['buildings__construction_and_renovation', 3, true, 480],
      ['buildings__construction_and_renovation', 3, true, 720],
    ]);
    const report = Report.parse(await (await call('GET', '/api/v1/units/LAB-CARBON/years/2025')).json());
    expect(report.modules.find((m) => m.module === 'buildings')).toMatchObject({ entryCount: 2, additionalKgCo2eq: 1200 });
  });

  it('when the room changes, then its derived entry is replaced; when its surface is unknown, it goes; when the room goes, so does it', async () => {
    const room = (await EntryList.parse(await (await call('GET', rooms)).json())).items[0]!;
    expect((await call('PATCH', `${rooms}/${room.id}`, { note: 'renovated' })).status).toBe(200);
    expect(await derived()).toHaveLength(1);
    const moved = Entry.parse(await (await call('PATCH', `${rooms}/${room.id}`, { data: { building_name: 'BC', room_name: 'BC 999', room_type: 'laboratories' } })).json());
    expect(moved).toMatchObject({ status: 'not_computed', reason: 'missing_reference' });
    expect(await derived()).toEqual([]);
    expect((await call('PATCH', `${rooms}/${room.id}`, { data: { building_name: 'BC', room_name: 'BC 110', room_type: 'laboratories' } })).status).toBe(200);
    expect(await derived()).toHaveLength(1);
    expect((await call('DELETE', `${rooms}/${room.id}`)).status).toBe(200);
    expect(await derived()).toEqual([]);
    const report = Report.parse(await (await call('GET', '/api/v1/units/LAB-CARBON/years/2025')).json());
    expect(report.modules.find((m) => m.module === 'buildings')).toMatchObject({ entryCount: 0, totalKgCo2eq: 0, additionalKgCo2eq: 0 });
  });

  it('refuses writes to derived entries (403)', async () => {
    const res = await call('POST', embodied, { data: { room_entry_id: '00000000-0000-4000-8000-000000000000', building_name: 'BC', room_surface_square_meter: 1 } });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('forbidden');
  });
});
