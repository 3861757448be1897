import { ErrorBody, Me, UnitList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

// The demo accounts of docs/architecture.md.
const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', email: 'principal@demo.example', institutional_id: '100001', roles: ['user.principal@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', email: 'reporter@demo.example', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', email: 'admin@demo.example', roles: ['backoffice.admin@global'] },
};

describe('identity and units over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const as = async (who: keyof typeof accounts, path: string) => api.get(path, { token: await issuer.mint(accounts[who]) });
  const unitCodes = async (who: keyof typeof accounts, query = '') => {
    const res = await as(who, `/api/v1/units${query}`);
    expect(res.status).toBe(200);
    return UnitList.parse(await res.json()).units.map((u) => u.code);
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when the principal asks who they are, then /me returns the parsed roles and their lab', async () => {
    const res = await as('principal', '/api/v1/me');
    expect(res.status).toBe(200);
    const me = Me.parse(await res.json());
    expect(me).toMatchObject({
      subject: 'principal',
      email: 'principal@demo.example',
      displayName: 'Paula Principal',
      institutionalId: '100001',
      roles: [{ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } }],
      units: [{ code: 'LAB-CARBON', name: 'Carbon Cycle Laboratory', level: 4, parentCode: 'ENV-CLIM' }],
    });
    const { rows } = await api.database.pool.query('SELECT id, display_name FROM users WHERE subject = $1', ['principal']);
    expect(rows).toEqual([{ id: me.id, display_name: 'Paula Principal' }]);
  });

  it('when the reporter asks who they are, then the affiliation grant gives no lab membership', async () => {
    const me = Me.parse(await (await as('reporter', '/api/v1/me')).json());
    expect(me.roles).toEqual([{ role: 'backoffice.metier', scope: { kind: 'affiliation', unitCode: 'ENV' } }]);
    expect(me.units).toEqual([]);
    expect(me.institutionalId).toBeNull(); // a token without the institutional_id claim
  });

  it('when the principal lists units, then only their lab is returned', async () => {
    expect(await unitCodes('principal')).toEqual(['LAB-CARBON']);
  });

  it('when the reporter lists units, then the ENV subtree is returned', async () => {
    expect(await unitCodes('reporter')).toEqual(['ENV', 'ENV-CLIM', 'LAB-CARBON', 'LAB-ICE', 'ENV-ECO', 'LAB-SOIL']);
    expect(await unitCodes('reporter', '?level=4')).toEqual(['LAB-CARBON', 'LAB-ICE', 'LAB-SOIL']);
  });

  it('when the admin lists units, then every unit is returned with its names', async () => {
    const res = await as('admin', '/api/v1/units');
    const { units } = UnitList.parse(await res.json());
    expect(units).toHaveLength(11);
    expect(units[0]).toMatchObject({ code: 'UNIV', level: 1, parentCode: null, path: ['UNIV'], nameFr: 'Université de démonstration', nameDe: 'Demo-Universität' });
  });

  it('when a token has no known role, then no unit is visible', async () => {
    const token = await issuer.mint({ sub: 'nobody', roles: ['superuser@global'] });
    const res = await api.get('/api/v1/units', { token });
    expect(UnitList.parse(await res.json()).units).toEqual([]);
  });

  it('when the level filter is invalid, then 400 validation_failed names the field', async () => {
    const res = await as('admin', '/api/v1/units?level=9');
    expect(res.status).toBe(400);
    const { error } = ErrorBody.parse(await res.json());
    expect(error.code).toBe('validation_failed');
    expect(error.details?.[0]?.path).toBe('query.level');
    expect(error.message).toContain('query.level');
  });
});
