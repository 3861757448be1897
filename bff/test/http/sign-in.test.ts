import { BffUser } from '@co2/contracts';
import { refreshTokens } from '@co2/deploy/dev-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieName, signInThroughBff } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const withCookie = (value: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  redirect: 'manual',
  headers: { ...(init.headers as Record<string, string>), cookie: `${cookieName}=${value}` },
});
const userWith = (cookie: string) => fetch(`${h.origin}/bff/user`, withCookie(cookie));

describe('sign-in through the BFF', () => {
  it('when signed out, then /bff/user answers 401 unauthenticated', async () => {
    const res = await fetch(`${h.origin}/bff/user`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('when a demo user signs in, then /bff/user returns the user with roles and the cookie is HttpOnly, Lax, host-only', async () => {
    const { jar, finalLocation, sessionSetCookie } = await signInThroughBff(h, 'principal', '/inventory/entries?year=2024');
    expect(finalLocation).toBe('/inventory/entries?year=2024');
    expect(sessionSetCookie).toMatch(/; Path=\//);
    expect(sessionSetCookie).toMatch(/; HttpOnly/);
    expect(sessionSetCookie).toMatch(/; SameSite=Lax/);
    expect(sessionSetCookie).not.toMatch(/Domain=|Secure/i);

    const res = await jar.fetch(`${h.origin}/bff/user`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const user = BffUser.parse(await res.json());
    expect(user).toMatchObject({ sub: 'principal', name: 'Paula Principal', email: 'principal@demo.example', roles: ['user.principal@unit:LAB-CARBON'] });
    // Idle timeout (30 min by default) from now.
    expect(Date.parse(user.sessionExpiresAt)).toBeGreaterThan(Date.now() + 29 * 60 * 1000);
    expect(Date.parse(user.sessionExpiresAt)).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000);
  });

  it('when sign-in completes, then the session id changes and the pre-login cookie is worthless', async () => {
    const { jar, preLoginCookie } = await signInThroughBff(h, 'member');
    const after = jar.get(h.origin, cookieName)!;
    expect(after).not.toBe(preLoginCookie);
    expect((await userWith(preLoginCookie)).status).toBe(401);
    expect((await userWith(after)).status).toBe(200);
  });

  it('when an unchanged session is used, then the store row is not rewritten', async () => {
    const { jar } = await signInThroughBff(h, 'admin');
    const rows = () => h.pool.query<{ expire: Date; sess: unknown }>(`SELECT expire, sess FROM bff.session WHERE sess->'user'->>'sub' = 'admin'`);
    const before = (await rows()).rows;
    await new Promise((r) => setTimeout(r, 20));
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
    expect((await rows()).rows).toEqual(before);
  });

  it.each(['//evil.com', 'https://evil.com', '/\\evil.com', 'javascript:alert(1)', '/auth/logout'])(
    'when returnTo is %s, then the browser ends at /',
    async (returnTo) => {
      const { finalLocation } = await signInThroughBff(h, 'member', returnTo);
      expect(finalLocation).toBe('/');
    },
  );

  it('when the callback carries an unknown state, then it answers 400 login_expired (not 500)', async () => {
    const res = await fetch(`${h.origin}/auth/callback?code=abc&state=nope`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'login_expired' } });
  });

  it('when the provider returns an error to the callback, then it answers 400 login_failed', async () => {
    const login = await fetch(`${h.origin}/auth/login`, { redirect: 'manual' });
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await fetch(`${h.origin}/auth/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(h.idp.issuer)}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'login_failed', message: expect.stringContaining('access_denied') } });
  });

  it('when /auth/login is requested, then it asks the provider for code + PKCE + state + nonce for the core-api resource', async () => {
    const res = await fetch(`${h.origin}/auth/login`, { redirect: 'manual' });
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(h.idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${h.origin}/auth/callback`,
      resource: 'urn:co2:core-api',
      scope: 'openid profile email roles offline_access',
    });
    for (const key of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(key)).toMatch(/^[\w-]{20,}$/);
  });
});

describe('sign-out', () => {
  it('when POST /auth/logout has no X-CSRF header, then it is refused with 403 csrf_required', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf_required' } });
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
  });

  it('when signing out, then the end-session URL is returned and the old cookie is refused', async () => {
    const { jar } = await signInThroughBff(h, 'reporter');
    const oldCookie = jar.get(h.origin, cookieName)!;
    const stored = await h.pool.query<{ rt: string }>(`SELECT sess->'tokens'->>'refreshToken' AS rt FROM bff.session WHERE sess->'user'->>'sub' = 'reporter'`);
    const refreshToken = stored.rows[0]!.rt;
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: { 'x-csrf': '1', accept: 'application/json' } });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const url = new URL(endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.idp.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${h.origin}/`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(res.headers.getSetCookie().join()).toMatch(new RegExp(`${cookieName.replace('.', '\\.')}=;`));
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(401);
    expect((await userWith(oldCookie)).status).toBe(401);
    const { clientId, clientSecret } = h.config.oidc;
    await expect(refreshTokens({ issuer: h.idp.issuer, clientId, clientSecret, refreshToken })).rejects.toThrow(/invalid_grant/);

    // The provider (its own session cookie is in the jar) asks to confirm, then returns to the portal.
    const endSession = await jar.fetch(endSessionUrl);
    expect(endSession.status).toBe(200);
    const page = await endSession.text();
    expect(page).toContain('id="op.logoutForm"');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const confirm = await jar.fetch(`${h.idp.issuer}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${h.origin}/`);
  });

  it('when a same-origin HTML form posts the logout without X-CSRF, then it is refused too (the header is always required)', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: { origin: h.origin, accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect((await jar.fetch(`${h.origin}/bff/user`)).status).toBe(200);
  });

  it('when an HTML client posts the logout with X-CSRF, then it answers 303 to the end-session URL', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: { 'x-csrf': '1', accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${h.idp.issuer}/session/end\\?`));
  });

  it('when a cross-site form posts the logout, then it is refused', async () => {
    const { jar } = await signInThroughBff(h, 'member');
    const res = await jar.fetch(`${h.origin}/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example', accept: 'text/html' } });
    expect(res.status).toBe(403);
  });
});

describe('behind a TLS proxy', () => {
  const httpsConfig = (trustProxy: boolean) => (c: Harness['config']): Harness['config'] => ({
    ...c,
    publicOrigin: 'https://portal.example',
    oidc: { ...c.oidc, redirectUri: 'https://portal.example/auth/callback', postLogoutRedirectUri: 'https://portal.example/' },
    http: { ...c.http, trustProxy },
    session: { ...c.session, cookieName: '__Host-co2.sid', secure: true },
  });

  it('when PUBLIC_ORIGIN is https and the proxy is trusted, then the cookie is __Host-co2.sid and Secure', async () => {
    const bff = await h.startBff(httpsConfig(true));
    const res = await fetch(`${bff.url}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(302);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-co2\.sid=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    expect(new URL(res.headers.get('location')!).searchParams.get('redirect_uri')).toBe('https://portal.example/auth/callback');
  });

  it('when the proxy is not trusted, then no Secure cookie is set over plain http', async () => {
    const bff = await h.startBff(httpsConfig(false));
    const res = await fetch(`${bff.url}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
