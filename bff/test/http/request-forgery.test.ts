// Acceptance 2: X-CSRF on every non-safe /api, /auth, /bff request; cross-site Sec-Fetch-Site refused;
// the provider's callback and the back-channel endpoint exempt; no open redirect.
import type { CookieJar } from '@co2/deploy/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
let jar: CookieJar;
beforeAll(async () => {
  h = await startHarness();
  ({ jar } = await signInThroughBff(h, 'principal'));
});
afterAll(() => h?.close());

const NON_SAFE: [string, string][] = [
  ['POST', '/api/v1/trips'],
  ['DELETE', '/api/v1/trips/1'],
  ['POST', '/auth/logout'],
  ['POST', '/bff/sessions/revoke-others'],
  ['DELETE', `/bff/sessions/${'0'.repeat(64)}`],
  ['DELETE', '/bff/users/member/sessions'],
];

describe('request forgery', () => {
  it.each(NON_SAFE)('when %s %s comes without X-CSRF, then 403 csrf_required and nothing happens', async (method, path) => {
    const res = await jar.fetch(`${h.origin}${path}`, { method, body: method === 'POST' ? '{}' : undefined, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_required' } });
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
  });

  it('when X-CSRF has another value than 1, then it is refused', async () => {
    const res = await jar.fetch(`${h.origin}/api/v1/trips`, { method: 'POST', body: '{}', headers: { 'x-csrf': 'true' } });
    expect(res.status).toBe(403);
  });

  it.each(['cross-site', 'same-site'])('when Sec-Fetch-Site is %s, then even a request with X-CSRF is refused: 403 cross_site_request', async (site) => {
    for (const [method, path] of [['POST', '/api/v1/trips'], ['GET', '/api/v1/x'], ['GET', '/bff/user'], ['POST', '/auth/logout']] as const) {
      const res = await jar.fetch(`${h.origin}${path}`, { method, headers: { 'x-csrf': '1', 'sec-fetch-site': site } });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'cross_site_request' } });
    }
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
  });

  it('when Sec-Fetch-Site is same-origin or none, then requests pass', async () => {
    const post = await jar.fetch(`${h.origin}/api/v1/trips`, { method: 'POST', body: '{}', headers: { 'x-csrf': '1', 'sec-fetch-site': 'same-origin' } });
    expect(post.status).toBe(200);
    const nav = await jar.fetch(`${h.origin}/bff/user`, { headers: { 'sec-fetch-site': 'none' } });
    expect(nav.status).toBe(200);
  });

  it('when a sign-in link on another site is followed, then /auth/login still starts the sign-in', async () => {
    const res = await fetch(`${h.origin}/auth/login`, { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(302);
  });

  it('when the provider redirects cross-site to the callback, then the forgery guard lets it through (the state check answers)', async () => {
    const res = await fetch(`${h.origin}/auth/callback?code=x&state=unknown`, { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'login_expired' } });
  });

  it('when the back-channel endpoint is called without X-CSRF, then the logout token is what is checked', async () => {
    const res = await fetch(`${h.origin}/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: 'logout_token=not-a-jwt',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_logout_token' } });
  });

  it.each(['//evil.example', 'https://evil.example/x', '/\\evil.example', '/%2F%2Fevil.example'])('when returnTo is %s, then the provider is not asked to come back anywhere but the portal', async (returnTo) => {
    const { finalLocation } = await signInThroughBff(h, 'member', returnTo);
    expect(finalLocation.startsWith('/')).toBe(true);
    expect(finalLocation.startsWith('//')).toBe(false);
    expect(new URL(finalLocation, h.origin).origin).toBe(h.origin);
  });
});
