// Acceptance 6: allowlist of paths and methods, browser credentials never forwarded, upstream cookies/CORS
// never returned, X-Request-Id created/propagated and logged, keep-alive, core-api down → 502/504 quickly.
import { Writable } from 'node:stream';
import type { CookieJar } from '@co2/deploy/dev-idp';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import type { EchoedRequest } from '../support/servers.js';

let h: Harness;
let jar: CookieJar;
beforeAll(async () => {
  h = await startHarness();
  ({ jar } = await signInThroughBff(h, 'principal'));
});
afterAll(() => h?.close());

describe('proxy discipline', () => {
  it.each([
    ['DELETE', '/api/v1/x', 'GET, HEAD'],
    ['PUT', '/api/v1/trips', 'POST'],
    ['OPTIONS', '/api/v1/x', 'GET, HEAD'],
    ['POST', '/api/openapi.json', 'GET, HEAD'],
  ])('when %s %s is not an allowed method, then 405 with Allow and core-api is not called', async (method, path, allow) => {
    const res = await jar.fetch(`${h.origin}${path}`, { method, headers: { 'x-csrf': '1' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('when the contracts define the route, then its template matches one segment only', async () => {
    expect((await jar.fetch(`${h.origin}/api/v1/trips/42`, { method: 'DELETE', headers: { 'x-csrf': '1' } })).status).toBe(200);
    expect((await jar.fetch(`${h.origin}/api/v1/trips/42/x`, { method: 'DELETE', headers: { 'x-csrf': '1' } })).status).toBe(404);
    expect((await jar.fetch(`${h.origin}/api/v1/units`)).status).toBe(200); // from @co2/contracts apiRoutes
  });

  it('when the browser sends Cookie and Authorization, then neither reaches core-api', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/x`, { headers: { authorization: 'Bearer forged' } });
    const echo = (await res.json()) as EchoedRequest;
    expect(echo.headers.cookie).toBeUndefined();
    expect(echo.headers.authorization).not.toBe('Bearer forged');
    expect(JSON.stringify(echo.headers)).not.toContain(cookieName);
  });

  it('when core-api answers with Set-Cookie, CORS or CSP headers, then the browser gets none of them', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/cors`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('when requests are proxied, then the request id is created or kept, forwarded and logged by the BFF', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logged = await h.startBff((c) => c, { logger: pino({ level: 'info' }, sink) });
    const cookie = `${cookieName}=${jar.get(h.origin, cookieName)}`;
    const kept = await fetch(`${logged.url}/api/v1/x`, { headers: { cookie, 'x-request-id': 'trace-abc-1' } });
    expect(((await kept.json()) as EchoedRequest).headers['x-request-id']).toBe('trace-abc-1');
    const created = await fetch(`${logged.url}/api/v1/x`, { headers: { cookie, 'x-request-id': 'bad id with spaces' } });
    const id = created.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await created.json()) as EchoedRequest).headers['x-request-id']).toBe(id);
    await new Promise((r) => setTimeout(r, 50));
    const reqId = (l: Record<string, unknown>) => (l.req as { id?: string } | undefined)?.id;
    expect(lines.some((l) => reqId(l) === 'trace-abc-1' && (l.res as { statusCode?: number })?.statusCode === 200)).toBe(true);
    expect(lines.some((l) => reqId(l) === id)).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/s%3A|Bearer ey/); // cookies and tokens are redacted
  });

  it('when several requests are proxied one after another, then they reuse one keep-alive connection', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 3; i += 1) ports.push(((await (await jar.fetch(`${h.origin}/api/v1/x`)).json()) as EchoedRequest).remotePort);
    expect(new Set(ports).size).toBe(1);
  });

  it('when core-api is down, then 502 upstream_unavailable within 2 s; when it hangs, then 504 after the timeout', async () => {
    const cookie = `${cookieName}=${jar.get(h.origin, cookieName)}`;
    const dead = await h.startBff((c) => ({ ...c, coreApi: { ...c.coreApi, url: 'http://127.0.0.1:9' } }));
    let started = Date.now();
    const down = await fetch(`${dead.url}/api/v1/x`, { headers: { cookie } });
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });
    expect(Date.now() - started).toBeLessThan(2_000);
    const slow = await h.startBff((c) => ({ ...c, coreApi: { ...c.coreApi, timeoutMs: 300 } }));
    started = Date.now();
    const hung = await fetch(`${slow.url}/api/v1/slow`, { headers: { cookie } });
    expect(hung.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('when info logs are off and core-api is down, then the 502 is still logged at error with its request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const cookie = `${cookieName}=${jar.get(h.origin, cookieName)}`;
    const dead = await h.startBff((c) => ({ ...c, coreApi: { ...c.coreApi, url: 'http://127.0.0.1:9' } }), { logger: pino({ level: 'error' }, sink) });
    expect((await fetch(`${dead.url}/api/v1/x`, { headers: { cookie, 'x-request-id': 'trace-down-1' } })).status).toBe(502);
    await new Promise((r) => setTimeout(r, 50));
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'trace-down-1');
    expect(line).toMatchObject({ level: 50, res: { statusCode: 502 }, req: { method: 'GET', url: '/api/v1/x' } });
    expect(lines.some((l) => l.level === 30)).toBe(false);
  });
});
