import { Entry, ErrorBody, Factor } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { seedEntryFixtures } from '../support/domain-fixtures.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

// Malformed payloads on every write route of this surface: each field of a valid body replaced by values of
// the wrong type or out of range, extra fields, broken JSON, non-finite numbers, huge strings, injection text.
// Every answer must be a 4xx with the error shape, never a 5xx, and nothing may be written.
const accounts = {
  principal: { sub: 'principal', name: 'Paula Principal', roles: ['user.principal@unit:LAB-CARBON'] },
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
};
const HUGE = 'x'.repeat(100_000);
const INJECTION = "'; DROP TABLE entries; --";
const SCRIPT = '<script>alert(1)</script>';
const PROTO = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
const NOT_A_NUMBER = [null, 'ten', '', [], {}, true, -1, HUGE, INJECTION, PROTO];
const NOT_A_CODE = [null, 1, [], {}, true, '', HUGE, INJECTION, SCRIPT, PROTO];
const NOT_A_BOOLEAN = [null, 'true', 1, [], {}, HUGE, INJECTION];
const NOT_A_TEXT = [null, 1, [], {}, true, HUGE];

const base = '/api/v1/units/LAB-CARBON/years/2025/modules';
const gases = `${base}/process-emissions/gases/entries`;
const planes = `${base}/professional-travel/plane/entries`;
const validGas = { data: { category: 'CO2', quantity: 1 }, note: 'ok' };
const validTrip = { data: { origin_iata: 'GVA', destination_iata: 'CDG', user_institutional_id: '100001', cabin_class: 'economy', number_of_trips: 1 } };
const validConfig = {
  openToUsers: true,
  workingDaysPerYear: 230,
  modules: { equipment: { enabled: true, uncertainty: 'low', submodules: { it: { enabled: true, thresholdKg: 100 } } } },
  reductionGoals: [{ label: 'goal', referenceYear: 2019, targetYear: 2030, reductionPercent: 40 }],
};

/** A copy of `body` with the value at `path` replaced. */
function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

interface Target {
  who: keyof typeof accounts;
  method: string;
  path: () => string;
  valid: unknown;
  fields: [path: (string | number)[], bad: unknown[]][];
}

describe('fuzz: malformed payloads on every write route', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  let gasId = '';
  let factorId = '';
  const state = async () =>
    (
      await api.database.pool.query(`SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM audit_log) AS audit,
        (SELECT string_agg(year || ':' || open_to_users || ':' || config::text, ';' ORDER BY year) FROM year_configurations) AS years,
        (SELECT string_agg(module || ':' || status, ',' ORDER BY id) FROM report_modules) AS modules, (SELECT count(*) FROM factors) AS factors`)
    ).rows[0];
  const send = async (t: Pick<Target, 'who' | 'method' | 'path'>, body: unknown) => api.send(t.method, t.path(), { token: await issuer.mint(accounts[t.who]), body });
  const raw = async (t: Pick<Target, 'who' | 'method' | 'path'>, text: string) =>
    fetch(`${api.url}${t.path()}`, { method: t.method, headers: { authorization: `Bearer ${await issuer.mint(accounts[t.who])}`, 'content-type': 'application/json' }, body: text });
  const expect4xx = async (res: Response, what: string) => {
    const text = await res.text();
    expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
    expect(() => ErrorBody.parse(JSON.parse(text)), what).not.toThrow();
  };

  const targets: Target[] = [
    {
      who: 'principal',
      method: 'POST',
      path: () => gases,
      valid: validGas,
      fields: [
        [['data'], [null, [], 'x', 1, true, HUGE]],
        [['data', 'category'], NOT_A_TEXT],
        [['data', 'quantity'], NOT_A_NUMBER],
        [['data', 'subcategory'], [1, [], {}, true, HUGE]],
        [['note'], [1, [], {}, true, HUGE]],
      ],
    },
    {
      who: 'principal',
      method: 'POST',
      path: () => planes,
      valid: validTrip,
      fields: [
        [['data', 'origin_iata'], [...NOT_A_CODE, 'GENEVA', 'G1A']],
        [['data', 'destination_iata'], NOT_A_CODE],
        [['data', 'cabin_class'], [...NOT_A_CODE, 'coach']],
        [['data', 'user_institutional_id'], NOT_A_TEXT],
        [['data', 'number_of_trips'], [...NOT_A_NUMBER, 0, 1.5, 1e6]],
        [['data', 'departure_date'], [1, 'yesterday', '2025-13-45', [], {}]],
      ],
    },
    {
      who: 'principal',
      method: 'PATCH',
      path: () => `${gases}/${gasId}`,
      valid: validGas,
      fields: [
        [['data'], [[], 'x', 1, true]],
        [['data', 'quantity'], NOT_A_NUMBER],
        [['note'], [1, [], {}, true, HUGE]],
      ],
    },
    {
      who: 'principal',
      method: 'POST',
      path: () => `${base}/equipment/status`,
      valid: { status: 'validated' },
      fields: [[['status'], [...NOT_A_CODE, 'not_started', 'VALIDATED']]],
    },
    {
      who: 'admin',
      method: 'PUT',
      path: () => '/api/v1/years/2026/configuration',
      valid: validConfig,
      fields: [
        [['openToUsers'], NOT_A_BOOLEAN],
        [['workingDaysPerYear'], [...NOT_A_NUMBER, 0, 367, 230.5]],
        [['modules'], [null, [], 'x', 1, true, HUGE, { nope: { enabled: true, uncertainty: 'low', submodules: {} } }]],
        [['modules', 'equipment', 'enabled'], NOT_A_BOOLEAN],
        [['modules', 'equipment', 'uncertainty'], [...NOT_A_CODE, 'extreme']],
        [['modules', 'equipment', 'submodules'], [null, [], 'x', 1, { laser: { enabled: true, thresholdKg: null } }]],
        [['modules', 'equipment', 'submodules', 'it', 'thresholdKg'], [...NOT_A_NUMBER.filter((v) => v !== null), 1e13]],
        [['reductionGoals'], [null, {}, 'x', 1, Array.from({ length: 21 }, () => validConfig.reductionGoals[0])]],
        [['reductionGoals', 0, 'reductionPercent'], [...NOT_A_NUMBER, 101]],
        [['reductionGoals', 0, 'targetYear'], [...NOT_A_NUMBER, 2010, 3000]],
        [['reductionGoals', 0, 'label'], [...NOT_A_TEXT, '', '   ']],
      ],
    },
    {
      who: 'principal',
      method: 'POST',
      path: () => '/api/v1/units/LAB-CARBON/years/2025/modules/professional-travel/plane/round-trips',
      valid: validTrip,
      fields: [
        [['data'], [null, [], 'x', 1, true, HUGE]],
        [['data', 'origin_iata'], [...NOT_A_CODE, 'GENEVA']],
        [['data', 'cabin_class'], [...NOT_A_CODE, 'coach']],
        [['data', 'number_of_trips'], [...NOT_A_NUMBER, 0, 1.5]],
        [['note'], [1, [], {}, true, HUGE]],
      ],
    },
    {
      who: 'admin',
      method: 'POST',
      path: () => '/api/v1/factors',
      valid: { year: 2026, submodule: 'equipment/it', classification: { equipment_class: 'Fuzz' }, values: { active_power_w: 1 }, unit: 'W', source: 'fuzz' },
      fields: [
        [['year'], [...NOT_A_NUMBER, 1999, 2101, 2025.5]],
        [['submodule'], [...NOT_A_CODE, 'equipment', 'equipment/laser']],
        [['emissionType'], [1, [], {}, true, HUGE, INJECTION, 'buildings']],
        [['classification'], [null, [], 'x', 1, { 'Bad Key': 1 }, { k: {} }, { k: HUGE }]],
        [['values'], [null, [], 'x', 1, {}, { v: [] }, { v: HUGE }]],
        [['unit'], [1, [], {}, true, HUGE]],
        [['source'], [1, [], {}, true, HUGE]],
      ],
    },
    {
      who: 'admin',
      method: 'PATCH',
      path: () => `/api/v1/factors/${factorId}`,
      valid: { values: { active_power_w: 2 }, source: 'fuzz update' },
      fields: [
        [['values'], [null, [], 'x', 1, {}, { v: [] }, { v: HUGE }]],
        [['classification'], [null, [], 'x', 1, { 'Bad Key': 1 }, { k: HUGE }]],
        [['unit'], [1, [], {}, true, HUGE]],
        [['source'], [1, [], {}, true, HUGE]],
      ],
    },
  ];

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    await seedEntryFixtures(api.database.pool);
    const res = await api.send('POST', gases, { token: await issuer.mint(accounts.principal), body: validGas });
    gasId = Entry.parse(await res.json()).id;
    const factor = await api.send('POST', '/api/v1/factors', {
      token: await issuer.mint(accounts.admin),
      body: { year: 2026, submodule: 'equipment/it', classification: { equipment_class: 'Fuzz target' }, values: { active_power_w: 1 }, unit: 'W', source: 'fuzz' },
    });
    factorId = Factor.parse(await factor.json()).id;
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  for (const target of targets) {
    it(`${target.method} ${target.path().replace(/[0-9a-f-]{36}/, '{id}')}: every malformed body is a 4xx with the error shape and writes nothing`, async () => {
      const before = await state();
      let sent = 0;
      for (const [path, values] of target.fields) {
        for (const value of values) {
          await expect4xx(await send(target, replaced(target.valid, path, value)), `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`);
          sent += 1;
        }
      }
      await expect4xx(await send(target, { ...(target.valid as object), extra: INJECTION }), 'extra field');
      for (const text of ['not json', '{"status":', '[]', 'null', '"x"', '{"data":{"category":"CO2","quantity":1e999}}', `{"a":"${'y'.repeat(1_100_000)}"}`]) {
        await expect4xx(await raw(target, text), `raw ${text.slice(0, 30)}`);
      }
      expect(sent).toBeGreaterThan(5);
      expect(await state()).toEqual(before);
    });
  }
});
