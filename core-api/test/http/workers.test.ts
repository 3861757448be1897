// The workers panel's route on real PostgreSQL: the runner of this process registers itself with its version,
// beats, holds no job when idle, leaves when it stops; a second version is flagged; administrators only.
import { ErrorBody, WorkerList } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

const accounts = {
  admin: { sub: 'admin', name: 'Ada Admin', roles: ['backoffice.admin@global'] },
  reporter: { sub: 'reporter', name: 'Rita Reporter', roles: ['backoffice.metier@affiliation:ENV'] },
};

describe('job workers over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const workers = async () => {
    const res = await api.get('/api/v1/workers', { token: await issuer.mint(accounts.admin) });
    expect(res.status, await res.clone().text()).toBe(200);
    return WorkerList.parse(await res.json());
  };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer, runJobs: true });
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('when the runner of this process runs, then it is listed with its pid, a fresh heartbeat and no job held', async () => {
    let list = await workers();
    for (let i = 0; i < 50 && list.workers.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      list = await workers();
    }
    expect(list.workers).toHaveLength(1);
    expect(list.workers[0]).toMatchObject({ pid: process.pid, version: 'unknown', jobsHeld: 0 });
    expect(list.workers[0]!.heartbeatAgeSeconds).toBeLessThan(5);
    expect(list).toMatchObject({ versions: ['unknown'], mixedVersions: false });
  });

  it('when another process runs another version, then both are listed and the versions are flagged as mixed', async () => {
    await api.database.pool.query(`INSERT INTO job_workers (owner, version, hostname, pid, heartbeat_at) VALUES ('core-api-other', '0.2.0', 'node-2', 42, now() - interval '30 seconds')`);
    const list = await workers();
    expect(list.workers.map((w) => w.version).sort()).toEqual(['0.2.0', 'unknown']);
    expect(list.workers.find((w) => w.owner === 'core-api-other')!.heartbeatAgeSeconds).toBeGreaterThanOrEqual(29);
    expect(list).toMatchObject({ versions: ['0.2.0', 'unknown'], mixedVersions: true });
  });

  it('refuses the list to everybody but administrators (403)', async () => {
    const res = await api.get('/api/v1/workers', { token: await issuer.mint(accounts.reporter) });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('forbidden');
  });
});
