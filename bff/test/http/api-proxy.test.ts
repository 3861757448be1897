import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { AUDIENCE, startHarness, type Harness } from '../support/harness.js';
import type { EchoedRequest } from '../support/servers.js';
import type { CookieJar } from '@co2/deploy/dev-idp';

let h: Harness;
let jar: CookieJar;
beforeAll(async () => {
  h = await startHarness();
  ({ jar } = await signInThroughBff(h, 'principal'));
});
afterAll(() => h?.close());

const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const bearer = (echo: EchoedRequest) => String(echo.headers.authorization ?? '').replace(/^Bearer /, '');
const sessionCookie = () => `${cookieName}=${jar.get(h.origin, cookieName)}`;

describe('API proxy', () => {
  it('when a signed-in browser calls /api/v1, then core-api gets the access token as Bearer and no browser cookie', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/x?y=1`, { headers: { 'x-request-id': 'req-123', authorization: 'Bearer forged' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const echo = (await res.json()) as EchoedRequest;
    expect(echo.url).toBe('/api/v1/x?y=1');
    expect(echo.headers.cookie).toBeUndefined();
    expect(echo.headers['x-request-id']).toBe('req-123');
    expect(payload(bearer(echo))).toMatchObject({ aud: AUDIENCE, sub: 'principal', roles: ['user.principal@unit:LAB-CARBON'] });
  });

  it('when no request id is sent, then one is generated and forwarded', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/x`);
    const echo = (await res.json()) as EchoedRequest;
    expect(echo.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-request-id')).toBe(echo.headers['x-request-id']);
  });

  it('when a POST has no X-CSRF header, then it is refused with 403 before reaching core-api', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/x`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_required' } });
  });

  it('when a POST has X-CSRF: 1, then the body reaches core-api unchanged', async () => {
    const body = JSON.stringify({ name: 'Trip', km: 12.5 });
    const res = await jar.fetch(`${h.origin}/api/v1/trips`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-csrf': '1' } });
    expect(res.status).toBe(200);
    const echo = (await res.json()) as EchoedRequest;
    expect(echo).toMatchObject({ method: 'POST', url: '/api/v1/trips', body });
  });

  it('when signed out, then /api/v1 answers 401 and public documentation is proxied without credentials', async () => {
    const res = await fetch(`${h.origin}/api/v1/x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    for (const path of ['/api/openapi.json', '/api/docs', '/api/docs/swagger-ui.css']) {
      const doc = await jar.fetch(`${h.origin}${path}`);
      expect(doc.status).toBe(200);
      const echo = (await doc.json()) as EchoedRequest;
      expect(echo.url).toBe(path);
      expect(echo.headers.authorization).toBeUndefined();
      expect(echo.headers.cookie).toBeUndefined();
    }
  });

  it.each(['/api/admin', '/api/v2/x', '/api/v1', '/api/v1/../admin', '/api/v1/..%2fadmin', '/api/v1/x%5c..%5cadmin', '/api/openapi.json.bak'])(
    'when %s is requested, then it is not on the allowlist: 404 JSON',
    async (path) => {
      const res = await fetch(`${h.origin}${path}`, { headers: { cookie: sessionCookie(), accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it('when the session tokens are about to expire, then concurrent requests share one refresh', async () => {
    const { jar: own } = await signInThroughBff(h, 'member');
    const before = bearer((await (await own.fetch(`${h.origin}/api/v1/x`)).json()) as EchoedRequest);
    await h.pool.query(`UPDATE bff.session SET sess = jsonb_set(sess::jsonb, '{tokens,expiresAt}', '0')::json WHERE sess->'user'->>'sub' = 'member'`);
    await h.outlastReadCache();
    const echoes = await Promise.all([1, 2, 3].map(async () => (await (await own.fetch(`${h.origin}/api/v1/x`)).json()) as EchoedRequest));
    const tokens = new Set(echoes.map(bearer));
    expect(tokens.size).toBe(1);
    const [after] = [...tokens];
    expect(after).not.toBe(before);
    expect(payload(after!)).toMatchObject({ aud: AUDIENCE, sub: 'member' });
    const { rows } = await h.pool.query<{ at: string }>(`SELECT sess->'tokens'->>'accessToken' AS at FROM bff.session WHERE sess->'user'->>'sub' = 'member'`);
    expect(rows.map((r) => r.at)).toEqual([after]);
  });

  it('when the refresh token is refused, then the session ends: 401', async () => {
    const { jar: own } = await signInThroughBff(h, 'reporter');
    await h.pool.query(
      `UPDATE bff.session SET sess = jsonb_set(jsonb_set(sess::jsonb, '{tokens,expiresAt}', '0'), '{tokens,refreshToken}', '"bogus"')::json WHERE sess->'user'->>'sub' = 'reporter'`,
    );
    await h.outlastReadCache();
    expect((await own.fetch(`${h.origin}/api/v1/x`)).status).toBe(401);
    expect((await own.fetch(`${h.origin}/bff/user`)).status).toBe(401);
    const { rowCount } = await h.pool.query(`SELECT 1 FROM bff.session WHERE sess->'user'->>'sub' = 'reporter'`);
    expect(rowCount).toBe(0);
  });
});

describe('API proxy when core-api fails', () => {
  it('when core-api is down, then /api/v1 answers 502 upstream_unavailable quickly', async () => {
    const dead = await h.startBff((c) => ({ ...c, coreApi: { ...c.coreApi, url: 'http://127.0.0.1:9' } }));
    const started = Date.now();
    const res = await fetch(`${dead.url}/api/v1/x`, { headers: { cookie: sessionCookie() } });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('when core-api does not answer in time, then /api/v1 answers 504 upstream_unavailable', async () => {
    const slow = await h.startBff((c) => ({ ...c, coreApi: { ...c.coreApi, timeoutMs: 300 } }));
    const res = await fetch(`${slow.url}/api/v1/slow`, { headers: { cookie: sessionCookie() } });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_unavailable' } });
  });
});
