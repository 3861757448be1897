// The audit log's hash chain checked over HTTP on real PostgreSQL: intact after real writes; a record changed
// behind the application's back (the append-only trigger switched off, as an intruder with table rights would)
// is found; the text search; administrators only.
import { AuditPage, AuditVerification, ErrorBody } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
};
const gas = { year: 2025, submodule: 'process-emissions/gases', values: { ef_kg_co2eq_per_unit: 1 }, unit: 'kg', source: 'test' };

describe('audit chain verification over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const call = async (who: keyof typeof accounts, method: string, path: string, body?: unknown) => api.send(method, path, { token: await issuer.mint(accounts[who]), body });
  const verify = async () => {
    const res = await call('admin', 'GET', '/api/v1/audit/verify');
    expect(res.status, await res.clone().text()).toBe(200);
    return AuditVerification.parse(await res.json());
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
    for (const category of ['CO2', 'N2O', 'CH4']) {
      const res = await call('admin', 'POST', '/api/v1/factors', { ...gas, classification: { category } });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when nothing was tampered with, then the chain is intact over every record', async () => {
    const result = await verify();
    const { rows } = await api.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
    expect(result).toMatchObject({ intact: true, firstBrokenSeq: null, records: rows[0].n });
    expect(result.records).toBeGreaterThanOrEqual(4); // the year configurations and the three factors
  });

  it('when the text search names a value, then only the records that contain it are listed', async () => {
    const res = await call('admin', 'GET', '/api/v1/audit?q=n2o');
    const page = AuditPage.parse(await res.json());
    expect(page.items.map((r) => r.action)).toEqual(['factor.create']);
    expect(JSON.stringify(page.items[0]!.after)).toContain('N2O');
  });

  it('when a record’s content was changed behind the application’s back, then the check names that record', async () => {
    const { rows } = await api.database.pool.query(`SELECT seq FROM audit_log WHERE after->'classification'->>'category' = 'N2O'`);
    const seq = Number(rows[0].seq);
    const client = await api.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await client.query(`UPDATE audit_log SET after = jsonb_set(after, '{values,ef_kg_co2eq_per_unit}', '298') WHERE seq = $1`, [seq]);
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: seq });
  });

  it('refuses the check to everybody but administrators (403)', async () => {
    const res = await call('reporter', 'GET', '/api/v1/audit/verify');
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('forbidden');
  });
});
