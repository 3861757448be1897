import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, refreshTokens, signInWithPassword, startDevIdp, type DevIdp } from './src/index.js';

const client = {
  clientId: 'test-bff',
  clientSecret: 'test-secret-0123456789',
  redirectUris: ['http://localhost:9999/auth/callback'],
  postLogoutRedirectUris: ['http://localhost:9999/'],
};
const audience = 'urn:co2:core-api';

let idp: DevIdp;
let keysDir: string;

beforeAll(async () => {
  keysDir = mkdtempSync(path.join(tmpdir(), 'dev-idp-keys-'));
  idp = await startDevIdp({ port: 0, clients: [client], audience, keysFile: path.join(keysDir, 'keys.json') });
});
afterAll(async () => {
  await idp?.close();
  rmSync(keysDir, { recursive: true, force: true });
});

const signIn = (login: string, extra: { password?: string; resource?: string } = {}) =>
  signInWithPassword({ issuer: idp.issuer, clientId: client.clientId, clientSecret: client.clientSecret, redirectUri: client.redirectUris[0]!, login, ...extra });

describe('development OIDC provider', () => {
  it('when discovery is requested, then it announces the issuer, end_session, revocation and the roles scope', async () => {
    const res = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(`http://localhost:${idp.port}`);
    expect(doc.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
    expect(doc.revocation_endpoint).toBeTruthy();
    expect(doc.backchannel_logout_supported).toBe(true);
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'roles', 'offline_access']));
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('when the login page is shown, then it lists the demo accounts with labelled inputs and no external resources', async () => {
    const jar = new CookieJar();
    const auth = new URL(`${idp.issuer}/auth`);
    auth.search = new URLSearchParams({
      client_id: client.clientId, redirect_uri: client.redirectUris[0]!, response_type: 'code', scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }).toString();
    const redirect = await jar.fetch(auth);
    expect(redirect.status).toBe(303);
    const pageUrl = new URL(redirect.headers.get('location')!, idp.issuer);
    expect(pageUrl.pathname).toMatch(/^\/interaction\//);
    const page = await (await jar.fetch(pageUrl)).text();
    for (const login of ['principal', 'member', 'reporter', 'admin']) expect(page).toContain(`<code>${login}</code>`);
    expect(page).toContain('<label for="login">');
    expect(page).toContain('<label for="password">');
    expect(page).toMatch(/password of every demo account is its login/);
    expect(page).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(page).not.toMatch(/<script/);

    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
    const refused = await jar.fetch(new URL(action, idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'member', password: 'wrong' }),
    });
    expect(refused.status).toBe(400);
    const again = await refused.text();
    expect(again).toMatch(/<p role="alert" id="login-error">Wrong login or password/);
    expect(again).toContain('value="member"');
  });

  it('when a demo user signs in with the right password, then the JWT access token verifies with the audience and carries the roles', async () => {
    const tokens = await signIn('principal');
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`));
    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, jwks, { issuer: idp.issuer, audience });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ sub: 'principal', name: 'Paula Principal', email: 'principal@demo.example', institutional_id: '100001', roles: ['user.principal@unit:LAB-CARBON'] });
    expect(tokens.expiresIn).toBe(600);
    const id = await jwtVerify(tokens.idToken, jwks, { issuer: idp.issuer, audience: client.clientId });
    expect(id.payload).toMatchObject({ sub: 'principal', roles: ['user.principal@unit:LAB-CARBON'], email: 'principal@demo.example', institutional_id: '100001' });
    expect(tokens.refreshToken).toMatch(/\S{20,}/);
  });

  it('when another resource is requested, then the access token is issued for that audience instead', async () => {
    const tokens = await signIn('admin', { resource: 'urn:other:api' });
    expect(decodeJwt(tokens.accessToken).aud).toBe('urn:other:api');
    expect(decodeJwt(tokens.accessToken).roles).toEqual(['backoffice.admin@global']);
    expect(decodeJwt(tokens.accessToken)).not.toHaveProperty('institutional_id'); // an account without one carries none
  });

  it('when the password is wrong, then the sign-in is refused and the page says so', async () => {
    await expect(signIn('member', { password: 'wrong' })).rejects.toThrow(/credentials refused for "member" \(HTTP 400\)/);
  });

  it('when the refresh token is used, then new tokens are issued for the same audience and roles', async () => {
    const first = await signIn('reporter');
    const refreshed = await refreshTokens({ issuer: idp.issuer, clientId: client.clientId, clientSecret: client.clientSecret, refreshToken: first.refreshToken });
    const claims = decodeJwt(refreshed.accessToken);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(claims).toMatchObject({ aud: audience, sub: 'reporter', roles: ['backoffice.metier@affiliation:ENV'] });
  });

  it('when restarted with the same keys file, then earlier tokens still verify', async () => {
    const tokens = await signIn('member');
    const second = await startDevIdp({ port: 0, clients: [client], keysFile: path.join(keysDir, 'keys.json') });
    try {
      const jwks = createRemoteJWKSet(new URL(`${second.issuer}/jwks`));
      await expect(jwtVerify(tokens.accessToken, jwks, { audience })).resolves.toBeTruthy();
    } finally {
      await second.close();
    }
  });

  it('when NODE_ENV is production, then it refuses to start', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startDevIdp({ port: 0, clients: [client] })).rejects.toThrow(/production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
