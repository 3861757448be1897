// core-api accepts only valid access tokens from the real development provider: signature (JWKS), issuer,
// audience and expiry. Real HTTP to a core-api child process, real PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevIdp, signInWithPassword, type DevIdp } from '@co2/deploy/dev-idp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { freePort, startChild, waitForHttp } from '../deploy/local/processes.mjs';

const AUDIENCE = 'urn:co2:core-api';
const client = { clientId: 'auth-test', clientSecret: 'auth-test-secret-0123456789abcdef', redirectUri: 'http://localhost:1/cb' };

let idp: DevIdp;
let core: { stop: () => Promise<void> };
let coreUrl: string;

beforeAll(async () => {
  idp = await startDevIdp({
    port: 0,
    clients: [{ clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [client.redirectUri], postLogoutRedirectUris: [] }],
    audience: AUDIENCE,
    keysFile: path.join(mkdtempSync(path.join(tmpdir(), 'co2-idp-')), 'keys.json'),
    accessTokenTtlSeconds: 2,
  });
  const port = await freePort();
  coreUrl = `http://127.0.0.1:${port}`;
  const root = path.resolve(import.meta.dirname, '..');
  core = startChild({
    name: 'core-api',
    command: path.join(root, 'node_modules/.bin/tsx'),
    args: [path.join(root, 'core-api/src/main.ts')],
    cwd: root,
    quiet: true,
    env: { DATABASE_URL: inject('databaseUrl'), OIDC_ISSUER: idp.issuer, CORE_API_AUDIENCE: AUDIENCE, CORE_API_PORT: String(port), SEED_DEMO: 'true', LOG_LEVEL: 'warn' },
  });
  await waitForHttp(`${coreUrl}/readyz`, { child: core });
});
afterAll(async () => {
  await core?.stop();
  await idp?.close();
});

const me = (token?: string) => fetch(`${coreUrl}/api/v1/me`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const tokensFor = (resource?: string) =>
  signInWithPassword({ issuer: idp.issuer, ...client, login: 'principal', ...(resource ? { resource } : {}) });

describe('core-api bearer authentication with the real provider', () => {
  it('when the token is valid for the core-api audience, then /me answers with the user and roles', async () => {
    const { accessToken } = await tokensFor(AUDIENCE);
    const res = await me(accessToken);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.roles).toEqual([{ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } }]);
  });

  it('when there is no token, then 401 with a WWW-Authenticate challenge and the error shape', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await res.json()).error.code).toMatch(/\w+/);
  });

  it('when the token was issued for another audience, then 401', async () => {
    const { accessToken } = await tokensFor('urn:some-other:api');
    expect((await me(accessToken)).status).toBe(401);
  });

  it('when the token has expired, then 401', async () => {
    const { accessToken, expiresIn } = await tokensFor(AUDIENCE);
    expect(expiresIn).toBeLessThanOrEqual(2);
    expect((await me(accessToken)).status).toBe(200);
    await new Promise((r) => setTimeout(r, (expiresIn + 6) * 1000)); // past expiry + core-api's clock tolerance
    expect((await me(accessToken)).status).toBe(401);
  }, 20_000);
});
