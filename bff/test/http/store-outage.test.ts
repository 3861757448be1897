// Acceptance 9: Postgres unreachable for the BFF → 503 session_store_unavailable within 2 s (no hang, no
// 500), and recovery without restart when it is back. The BFF under test reaches Postgres through a TCP
// proxy the test stops, turns into a black hole, and restarts.
import { pino } from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/db/pool.js';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import type { RunningServer } from '../support/servers.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

let h: Harness;
let proxy: TcpProxy;
let pool: pg.Pool;
let bff: RunningServer;
let cookie: string;
let config: Harness['config'];
beforeAll(async () => {
  h = await startHarness();
  const direct = new URL(h.config.databaseUrl);
  proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
  const viaProxy = new URL(h.config.databaseUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  config = { ...h.config, databaseUrl: viaProxy.href, session: { ...h.config.session, storeTimeoutMs: 1_000 } };
  pool = createPool(config, pino({ level: 'silent' }), 4);
  bff = await h.startBff(() => config, { pool });
  const { jar } = await signInThroughBff(h, 'principal'); // same database: the session works on both BFFs
  cookie = `${cookieName}=${jar.get(h.origin, cookieName)}`;
});
afterAll(async () => {
  await proxy?.close();
  await pool?.end().catch(() => undefined);
  await h?.close();
});

const timed = async (path: string, init: RequestInit = {}) => {
  const started = Date.now();
  const res = await fetch(`${bff.url}${path}`, { ...init, redirect: 'manual', headers: { cookie, ...(init.headers as Record<string, string>) } });
  const body = await res.text();
  return { status: res.status, body, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
};

describe('session store outage', () => {
  it('when Postgres is reachable, then the session works through the proxy', async () => {
    expect((await timed('/bff/user')).status).toBe(200);
    expect((await timed('/api/v1/x')).status).toBe(200);
  });

  it.each(['stopped', 'blackhole'] as const)('when Postgres is %s, then session routes answer 503 session_store_unavailable within 2 s, others still work', async (mode) => {
    await proxy.set(mode);
    // A session read in the last SESSION_READ_CACHE_MS is still served from memory (docs/adr/0003).
    await new Promise((r) => setTimeout(r, config.session.readCacheMs + 20));
    for (const [path, init] of [
      ['/bff/user', {}],
      ['/api/v1/x', {}],
      ['/auth/login', {}],
      ['/bff/sessions', {}],
      ['/auth/logout', { method: 'POST', headers: { 'x-csrf': '1' } }],
    ] as const) {
      const r = await timed(path, init);
      expect(r.status, `${path}: ${r.body}`).toBe(503);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'session_store_unavailable' } });
      expect(r.retryAfter).toBe('5');
      expect(r.ms, path).toBeLessThan(2_000);
    }
    expect((await timed('/healthz')).status).toBe(200);
    expect((await timed('/api/openapi.json')).status).toBe(200); // public documents need no session
    expect((await timed('/portal/remotes.json')).status).toBe(200);
    const ready = await timed('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
  });

  it('when Postgres is back, then the BFF recovers by itself (same process, same pool)', async () => {
    await proxy.set('forward');
    const deadline = Date.now() + 5_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await timed('/bff/user')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await timed('/api/v1/x')).status).toBe(200);
    expect((await timed('/readyz')).status).toBe(200);
  });
});
