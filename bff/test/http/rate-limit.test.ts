// Acceptance 8: per-client-IP rate limit on /auth/* (429 + Retry-After), configurable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('rate limit on /auth', () => {
  it('when a client exceeds the configured limit, then 429 rate_limited with Retry-After; other routes are not limited', async () => {
    const bff = await h.startBff((c) => ({ ...c, authRateLimit: { max: 3, windowSeconds: 60 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${bff.url}/auth/login`, { redirect: 'manual' })).status);
    expect(statuses).toEqual([302, 302, 302]);
    const limited = await fetch(`${bff.url}/auth/login`, { redirect: 'manual' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const logout = await fetch(`${bff.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf': '1' } });
    expect(logout.status).toBe(429);
    expect((await fetch(`${bff.url}/bff/user`)).status).toBe(401);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
  });

  it('when behind a trusted proxy, then clients are told apart by X-Forwarded-For', async () => {
    const bff = await h.startBff((c) => ({ ...c, http: { ...c.http, trustProxy: 'loopback' }, authRateLimit: { max: 1, windowSeconds: 60 } }));
    const from = (ip: string) => fetch(`${bff.url}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-for': ip } });
    expect((await from('203.0.113.1')).status).toBe(302);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(302);
  });
});
