import { apiRoutes, Entry, ErrorBody, Factor, ImportAccepted } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures, seedResultsFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

// Every route of the reports/years/entries/locations/audit surface × the four roles (+ anonymous) × a unit of
// their own (LAB-CARBON: in the users' unit and in the reporter's ENV affiliation) and a foreign one (LAB-CATAL).
const accounts = {
  standard: { sub: 'member', name: 'Max Member', roles: ['user.standard@unit:LAB-CARBON'] },
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  metier: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  catalPrincipal: { sub: 'catal', name: 'Carl Catal', roles: ['user.principal@unit:LAB-CATAL'] },
};
type Role = 'standard' | 'principal' | 'metier' | 'admin';
const ROLES: Role[] = ['standard', 'principal', 'metier', 'admin'];
const OWN = 'LAB-CARBON';
const FOREIGN = 'LAB-CATAL';
const open = { openToUsers: true, workingDaysPerYear: 230, modules: {}, reductionGoals: [] };
const laptop = { equipment_id: 'L1', name: 'Laptop', equipment_class: 'Laptop' };
const trip = { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy' };

interface UnitRoute {
  name: string;
  method: string;
  /** Builds the path (and creates what it needs) for a unit. */
  path: (unit: string) => Promise<string>;
  body?: unknown;
  /** Expected status on the caller's own unit, per role. */
  own: Record<Role, number>;
  /** Expected status on the foreign unit where it differs from the rule (404, administrators 403). */
  foreign?: Partial<Record<Role, number>>;
}

describe('permission matrix: every route × four roles × own/foreign unit', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const token = async (who: keyof typeof accounts) => issuer.mint(accounts[who]);
  /** Every request the matrix makes, to prove below that it covers every route of the API. */
  const made: { method: string; path: string }[] = [];
  const call = async (who: keyof typeof accounts | 'anonymous', method: string, path: string, body?: unknown) => {
    made.push({ method, path: path.split('?')[0]! });
    const auth = who === 'anonymous' ? undefined : await token(who);
    if (body instanceof FormData) return fetch(`${api.url}${path}`, { method, headers: auth ? { authorization: `Bearer ${auth}` } : {}, body });
    return api.send(method, path, { token: auth, body });
  };
  const base = (unit: string) => `/api/v1/units/${unit}/years/2025`;
  /** An entry created by the unit's principal (LAB-CATAL has its own principal). */
  const entryOf = async (unit: string, module: string, submodule: string, data: unknown) => {
    const res = await call(unit === OWN ? 'principal' : 'catalPrincipal', 'POST', `${base(unit)}/modules/${module}/${submodule}/entries`, { data });
    expect(res.status, await res.clone().text()).toBe(201);
    return Entry.parse(await res.json()).id;
  };
  const it_ = `${'/modules/equipment/it/entries'}`;

  const unitRoutes: UnitRoute[] = [
    { name: 'GET report', method: 'GET', path: async (u) => base(u), own: { standard: 200, principal: 200, metier: 403, admin: 403 } },
    { name: 'POST module status', method: 'POST', path: async (u) => `${base(u)}/modules/equipment/status`, body: { status: 'validated' }, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    // Results are aggregates: reporting staff read them in their scope, administrators everywhere (read-only).
    { name: 'GET results', method: 'GET', path: async (u) => `${base(u)}/results`, own: { standard: 403, principal: 200, metier: 200, admin: 200 }, foreign: { admin: 200 } },
    { name: 'GET evolution', method: 'GET', path: async (u) => `/api/v1/units/${u}/results/evolution`, own: { standard: 403, principal: 200, metier: 200, admin: 200 }, foreign: { admin: 200 } },
    { name: 'GET trajectory', method: 'GET', path: async (u) => `${base(u)}/trajectory`, own: { standard: 403, principal: 200, metier: 200, admin: 200 }, foreign: { admin: 200 } },
    { name: 'GET benchmark', method: 'GET', path: async (u) => `${base(u)}/benchmark`, own: { standard: 403, principal: 200, metier: 200, admin: 200 }, foreign: { admin: 200 } },
    { name: 'GET equipment entries', method: 'GET', path: async (u) => `${base(u)}${it_}`, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    { name: 'POST equipment entry', method: 'POST', path: async (u) => `${base(u)}${it_}`, body: { data: laptop }, own: { standard: 403, principal: 201, metier: 403, admin: 403 } },
    { name: 'GET equipment entry', method: 'GET', path: async (u) => `${base(u)}${it_}/${await entryOf(u, 'equipment', 'it', laptop)}`, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    { name: 'PATCH equipment entry', method: 'PATCH', path: async (u) => `${base(u)}${it_}/${await entryOf(u, 'equipment', 'it', laptop)}`, body: { note: 'x' }, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    { name: 'DELETE equipment entry', method: 'DELETE', path: async (u) => `${base(u)}${it_}/${await entryOf(u, 'equipment', 'it', laptop)}`, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    { name: 'GET plane entries', method: 'GET', path: async (u) => `${base(u)}/modules/professional-travel/plane/entries`, own: { standard: 200, principal: 200, metier: 403, admin: 403 } },
    { name: 'POST plane entry', method: 'POST', path: async (u) => `${base(u)}/modules/professional-travel/plane/entries`, body: { data: trip }, own: { standard: 201, principal: 201, metier: 403, admin: 403 } },
    { name: "GET the principal's plane entry", method: 'GET', path: async (u) => `${base(u)}/modules/professional-travel/plane/entries/${await entryOf(u, 'professional-travel', 'plane', trip)}`, own: { standard: 404, principal: 200, metier: 403, admin: 403 } },
    { name: 'POST plane round trip', method: 'POST', path: async (u) => `${base(u)}/modules/professional-travel/plane/round-trips`, body: { data: trip }, own: { standard: 201, principal: 201, metier: 403, admin: 403 } },
    { name: 'GET trips', method: 'GET', path: async (u) => `${base(u)}/modules/professional-travel/trips?type=plane&place=gva`, own: { standard: 200, principal: 200, metier: 403, admin: 403 } },
    { name: 'GET trip routes', method: 'GET', path: async (u) => `${base(u)}/modules/professional-travel/trip-routes`, own: { standard: 200, principal: 200, metier: 403, admin: 403 } },
    { name: 'GET cloud entries', method: 'GET', path: async (u) => `${base(u)}/modules/external-cloud-ai/cloud/entries`, own: { standard: 200, principal: 200, metier: 403, admin: 403 } },
    { name: 'GET equipment copy preview', method: 'GET', path: async (u) => `${base(u)}/modules/equipment/copy-from-previous-year`, own: { standard: 403, principal: 200, metier: 403, admin: 403 } },
    { name: 'POST equipment copy', method: 'POST', path: async (u) => `${base(u)}/modules/equipment/copy-from-previous-year`, body: {}, own: { standard: 403, principal: 201, metier: 403, admin: 403 } },
  ];
  const globalRoutes: { name: string; method: string; path: string; body?: unknown; expect: Record<Role, number> }[] = [
    { name: 'GET me', method: 'GET', path: '/api/v1/me', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET units', method: 'GET', path: '/api/v1/units', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET years', method: 'GET', path: '/api/v1/years', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET year configuration', method: 'GET', path: '/api/v1/years/2025/configuration', expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'PUT year configuration', method: 'PUT', path: '/api/v1/years/2025/configuration', body: open, expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'GET locations/search', method: 'GET', path: '/api/v1/locations/search?kind=airport&q=gva', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET locations/distance', method: 'GET', path: '/api/v1/locations/distance?kind=airport&from=GVA&to=CDG', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET locations/rooms', method: 'GET', path: '/api/v1/locations/rooms', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET factors', method: 'GET', path: '/api/v1/factors?year=2025', expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'GET taxonomy', method: 'GET', path: '/api/v1/years/2025/taxonomies/equipment%2Fit', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET reporting', method: 'GET', path: '/api/v1/reporting?year=2025', expect: { standard: 403, principal: 403, metier: 200, admin: 200 } },
    { name: 'GET reporting export', method: 'GET', path: '/api/v1/reporting/export.csv?year=2025', expect: { standard: 403, principal: 403, metier: 200, admin: 200 } },
    { name: 'GET reporting export JSON', method: 'GET', path: '/api/v1/reporting/export.json?year=2025', expect: { standard: 403, principal: 403, metier: 200, admin: 200 } },
    { name: 'GET audit', method: 'GET', path: '/api/v1/audit', expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'GET workers', method: 'GET', path: '/api/v1/workers', expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'GET audit verify', method: 'GET', path: '/api/v1/audit/verify', expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
  ];

  let factorSeq = 0;
  /** A factor created by the admin (a fresh classification each time, so identities never clash). */
  const newFactor = async () => {
    factorSeq += 1;
    const res = await call('admin', 'POST', '/api/v1/factors', { ...serverFactor, classification: { equipment_class: `Matrix ${factorSeq}` } });
    expect(res.status, await res.clone().text()).toBe(201);
    return Factor.parse(await res.json()).id;
  };
  const serverFactor = { year: 2025, submodule: 'equipment/it', values: { active_power_w: 160, standby_power_w: 30, ef_kg_co2eq_per_kwh: 0.097 }, unit: 'kg CO2-eq/kWh', source: 'matrix' };
  const builtRoutes: { name: string; method: string; path: () => Promise<string>; body?: () => unknown; expect: Record<Role, number> }[] = [
    { name: 'GET factor', method: 'GET', path: async () => `/api/v1/factors/${await newFactor()}`, expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'POST factor', method: 'POST', path: async () => '/api/v1/factors', body: () => ({ ...serverFactor, classification: { equipment_class: `Matrix new ${++factorSeq}` } }), expect: { standard: 403, principal: 403, metier: 403, admin: 201 } },
    { name: 'POST factor-copies', method: 'POST', path: async () => '/api/v1/factor-copies', body: () => ({ fromYear: 2025, toYear: 2031 }), expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'POST factor impact', method: 'POST', path: async () => `/api/v1/factors/${await newFactor()}/impact`, body: () => ({ values: { active_power_w: 1 } }), expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
    { name: 'PATCH factor', method: 'PATCH', path: async () => `/api/v1/factors/${await newFactor()}`, body: () => ({ source: 'matrix update' }), expect: { standard: 403, principal: 403, metier: 403, admin: 200 } },
  ];
  /** Unit detail routes: visible units answer 200, others 404 exactly like a unit that does not exist. */
  const unitDetailRoutes = [
    { name: 'GET unit', path: (u: string) => `/api/v1/units/${u}` },
    { name: 'GET unit subtree', path: (u: string) => `/api/v1/units/${u}/subtree` },
  ];
  const detailExpect: Record<Role, { own: number; foreign: number }> = {
    standard: { own: 200, foreign: 404 },
    principal: { own: 200, foreign: 404 },
    metier: { own: 200, foreign: 404 }, // LAB-CARBON is in the ENV affiliation, LAB-CATAL is not
    admin: { own: 200, foreign: 200 },
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    await seedResultsFixtures(api.database.pool);
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  for (const route of unitRoutes) {
    it(`${route.name}: own unit as expected per role, foreign unit 404 (admin 403), anonymous 401`, async () => {
      for (const role of ROLES) {
        const own = await call(role, route.method, await route.path(OWN), route.body);
        expect(own.status, `${role} on ${OWN}: ${await own.clone().text()}`).toBe(route.own[role]);
        const foreign = await call(role, route.method, await route.path(FOREIGN), route.body);
        expect(foreign.status, `${role} on ${FOREIGN}`).toBe(route.foreign?.[role] ?? (role === 'admin' ? 403 : 404));
        if (foreign.status === 404) {
          // Refusals leak nothing: the same answer as for a unit that does not exist.
          const body = ErrorBody.parse(await foreign.json());
          const missing = await call(role, route.method, (await route.path(FOREIGN)).replace(FOREIGN, 'LAB-NOPE'), route.body);
          const missingBody = ErrorBody.parse(await missing.json());
          expect(body.error.code).toBe('not_found');
          expect(missingBody.error.message.replace('LAB-NOPE', FOREIGN)).toBe(body.error.message);
        }
      }
      expect((await call('anonymous', route.method, await route.path(OWN), route.body)).status).toBe(401);
    });
  }

  for (const route of globalRoutes) {
    it(`${route.name}: as expected per role, anonymous 401`, async () => {
      for (const role of ROLES) {
        const res = await call(role, route.method, route.path, route.body);
        expect(res.status, `${role}: ${await res.clone().text()}`).toBe(route.expect[role]);
      }
      expect((await call('anonymous', route.method, route.path, route.body)).status).toBe(401);
    });
  }

  for (const route of builtRoutes) {
    it(`${route.name}: as expected per role, anonymous 401`, async () => {
      for (const role of ROLES) {
        const res = await call(role, route.method, await route.path(), route.body?.());
        expect(res.status, `${role}: ${await res.clone().text()}`).toBe(route.expect[role]);
      }
      expect((await call('anonymous', route.method, await route.path(), route.body?.())).status).toBe(401);
    });
  }

  for (const route of unitDetailRoutes) {
    it(`${route.name}: visible units 200, invisible ones 404 like a missing unit, anonymous 401`, async () => {
      for (const role of ROLES) {
        expect((await call(role, 'GET', route.path(OWN))).status, `${role} on ${OWN}`).toBe(detailExpect[role].own);
        const foreign = await call(role, 'GET', route.path(FOREIGN));
        expect(foreign.status, `${role} on ${FOREIGN}`).toBe(detailExpect[role].foreign);
        if (foreign.status === 404) {
          const missing = await call(role, 'GET', route.path('LAB-NOPE'));
          expect(missing.status).toBe(404);
          expect(ErrorBody.parse(await missing.json()).error.code).toBe(ErrorBody.parse(await foreign.json()).error.code);
        }
      }
      expect((await call('anonymous', 'GET', route.path(OWN))).status).toBe(401);
    });
  }

  // Imports and jobs. A job belongs to whoever started it (here the principal): others get 404 as for a missing
  // job; administrators see and steer every job. The API runs no job runner here: jobs stay queued.
  const planes = 'origin_iata,destination_iata,user_institutional_id,departure_date,number_of_trips,cabin_class,note\nGVA,CDG,1,2025-03-10,1,economy,\n';
  const importForm = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([planes], { type: 'text/csv' }), 'matrix.csv');
    return form;
  };
  const unitImport = (unit: string) => ({ kind: 'data', format: 'travel-planes', mode: 'unit-specific', year: '2025', unitCode: unit });
  const principalsJob = async (then?: 'abort') => {
    const res = await call('principal', 'POST', '/api/v1/imports', importForm(unitImport(OWN)));
    expect(res.status, await res.clone().text()).toBe(202);
    const accepted = ImportAccepted.parse(await res.json());
    if (then === 'abort') expect((await call('principal', 'POST', `/api/v1/jobs/${accepted.job.id}/abort`)).status).toBe(200);
    return accepted;
  };
  const ownerOnly: Record<Role, number> = { standard: 404, principal: 200, metier: 404, admin: 200 };
  const jobRoutes: { name: string; method: string; path: () => Promise<string>; body?: () => unknown; expect: Record<Role, number> }[] = [
    { name: 'GET import catalogue', method: 'GET', path: async () => '/api/v1/imports/catalogue', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET import template', method: 'GET', path: async () => '/api/v1/imports/template?kind=data&format=travel-planes', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'POST import (own unit)', method: 'POST', path: async () => '/api/v1/imports', body: () => importForm(unitImport(OWN)), expect: { standard: 403, principal: 202, metier: 403, admin: 202 } },
    { name: 'POST import (foreign unit)', method: 'POST', path: async () => '/api/v1/imports', body: () => importForm(unitImport(FOREIGN)), expect: { standard: 404, principal: 404, metier: 404, admin: 202 } },
    { name: 'POST import (per year)', method: 'POST', path: async () => '/api/v1/imports', body: () => importForm({ kind: 'data', format: 'travel-planes', mode: 'per-year', year: '2025' }), expect: { standard: 403, principal: 403, metier: 403, admin: 202 } },
    { name: 'GET jobs', method: 'GET', path: async () => '/api/v1/jobs', expect: { standard: 200, principal: 200, metier: 200, admin: 200 } },
    { name: 'GET job', method: 'GET', path: async () => `/api/v1/jobs/${(await principalsJob()).job.id}`, expect: ownerOnly },
    { name: 'GET job events', method: 'GET', path: async () => `/api/v1/jobs/${(await principalsJob()).job.id}/events`, expect: ownerOnly },
    { name: 'POST job abort', method: 'POST', path: async () => `/api/v1/jobs/${(await principalsJob()).job.id}/abort`, expect: ownerOnly },
    { name: 'POST job retry', method: 'POST', path: async () => `/api/v1/jobs/${(await principalsJob('abort')).job.id}/retry`, expect: ownerOnly },
    { name: 'GET pipeline', method: 'GET', path: async () => `/api/v1/pipelines/${(await principalsJob()).pipelineId}`, expect: ownerOnly },
    { name: 'POST pipeline abort', method: 'POST', path: async () => `/api/v1/pipelines/${(await principalsJob()).pipelineId}/abort`, expect: ownerOnly },
  ];
  for (const route of jobRoutes) {
    it(`${route.name}: as expected per role, anonymous 401`, async () => {
      for (const role of ROLES) {
        const res = await call(role, route.method, await route.path(), route.body?.());
        const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
        expect(res.status, `${role}: ${streaming ? 'event stream' : await res.clone().text()}`).toBe(route.expect[role]);
        await res.body?.cancel(); // an event stream of a queued job would stay open
      }
      expect((await call('anonymous', route.method, await route.path(), route.body?.())).status).toBe(401);
    });
  }

  it('covers every /api/v1 route of the contracts (method and path template)', () => {
    const uncovered = apiRoutes
      .filter((r) => r.path.startsWith('/api/v1/'))
      .filter((r) => {
        const pattern = new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
        return !made.some((m) => m.method === r.method.toUpperCase() && pattern.test(m.path));
      })
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(uncovered).toEqual([]);
  });
});
