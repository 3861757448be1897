import { Unit, UnitList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
type Who = keyof typeof accounts;

describe('unit detail and subtree over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const get = async (who: Who, path: string) => api.get(path, { token: await issuer.mint(accounts[who]) });
  const codes = async (who: Who, path: string) => {
    const res = await get(who, path);
    expect(res.status, await res.clone().text()).toBe(200);
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

  it('shows a unit the caller may see, and 404 for the others (same as an unknown code)', async () => {
    expect(Unit.parse(await (await get('principal', '/api/v1/units/LAB-CARBON')).json())).toMatchObject({ code: 'LAB-CARBON', level: 4, path: ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-CARBON'] });
    for (const code of ['LAB-ICE', 'ENV', 'NOPE']) expect((await get('principal', `/api/v1/units/${code}`)).status).toBe(404);
    expect((await get('reporter', '/api/v1/units/ENV-CLIM')).status).toBe(200);
    expect((await get('reporter', '/api/v1/units/SCI')).status).toBe(404);
    expect((await get('admin', '/api/v1/units/SCI')).status).toBe(200);
    expect((await get('admin', '/api/v1/units/bad%20code')).status).toBe(400);
  });

  it('lists a visible unit with the visible units below it, optionally of one level', async () => {
    expect(await codes('reporter', '/api/v1/units/ENV/subtree')).toEqual(['ENV', 'ENV-CLIM', 'LAB-CARBON', 'LAB-ICE', 'ENV-ECO', 'LAB-SOIL']);
    expect(await codes('reporter', '/api/v1/units/ENV/subtree?level=4')).toEqual(['LAB-CARBON', 'LAB-ICE', 'LAB-SOIL']);
    expect(await codes('admin', '/api/v1/units/SCI/subtree?level=4')).toEqual(['LAB-CATAL', 'LAB-SPECTRO']);
    expect(await codes('principal', '/api/v1/units/LAB-CARBON/subtree')).toEqual(['LAB-CARBON']);
    expect((await get('reporter', '/api/v1/units/UNIV/subtree')).status).toBe(404);
    expect((await get('principal', '/api/v1/units/ENV-CLIM/subtree')).status).toBe(404);
    expect((await get('admin', '/api/v1/units/ENV/subtree?level=9')).status).toBe(400);
  });
});
