import { ErrorBody } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

describe('authentication of /api/v1 (real issuer over HTTP)', () => {
  let issuer: TestIssuer;
  let api: RunningApi;
  const paula = { sub: 'principal', name: 'Paula Principal', email: 'principal@demo.example', roles: ['user.principal@unit:LAB-CARBON'] };

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  const expect401 = async (res: Response, code: 'unauthenticated' | 'invalid_token') => {
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="core-api"/);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body;
  };

  it('when no token is sent, then 401 unauthenticated with WWW-Authenticate: Bearer', async () => {
    await expect401(await api.get('/api/v1/me'), 'unauthenticated');
  });

  it('when an unknown /api/v1 path is called without a token, then it is still 401 (default deny)', async () => {
    await expect401(await api.get('/api/v1/secrets'), 'unauthenticated');
  });

  it('when the Authorization header uses another scheme, then 401 invalid_token', async () => {
    await expect401(await api.get('/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 'invalid_token');
  });

  it('when the token is meant for another audience, then 401 invalid_token', async () => {
    const body = await expect401(await api.get('/api/v1/me', { token: await issuer.mint(paula, { audience: 'urn:other' }) }), 'invalid_token');
    expect(body.error.message).toContain('"aud"');
  });

  it('when the token has expired, then 401 invalid_token', async () => {
    const body = await expect401(await api.get('/api/v1/me', { token: await issuer.mint(paula, { expiresIn: -30 }) }), 'invalid_token');
    expect(body.error.message).toContain('expired');
  });

  it('when the token expired within the 5 s clock tolerance, then it is still accepted', async () => {
    const res = await api.get('/api/v1/me', { token: await issuer.mint(paula, { expiresIn: -2 }) });
    expect(res.status).toBe(200);
  });

  it('when the token is signed by a key the issuer does not publish, then 401 invalid_token', async () => {
    await expect401(await api.get('/api/v1/me', { token: await issuer.mint(paula, { foreignKey: true }) }), 'invalid_token');
  });

  it('when the token names another issuer, then 401 invalid_token', async () => {
    const body = await expect401(
      await api.get('/api/v1/me', { token: await issuer.mint(paula, { issuer: 'http://evil.example' }) }),
      'invalid_token',
    );
    expect(body.error.message).toContain('"iss"');
  });

  it('when the token is not a JWT at all, then 401 invalid_token', async () => {
    await expect401(await api.get('/api/v1/me', { token: 'not-a-jwt' }), 'invalid_token');
  });

  it('discovery and the JWKS are fetched once and cached across requests', async () => {
    const token = await issuer.mint(paula);
    for (let i = 0; i < 3; i += 1) expect((await api.get('/api/v1/me', { token })).status).toBe(200);
    expect(issuer.hits).toEqual({ discovery: 1, jwks: 1 });
  });
});

describe('when the identity provider cannot be reached', () => {
  let api: RunningApi;
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    await issuer.close(); // its port is now closed: discovery fails with ECONNREFUSED
    api = await startApi({ issuer: issuer.issuer });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('then a well-formed token gets 503 auth_unavailable, not 500', async () => {
    const res = await api.get('/api/v1/me', { token: await issuer.mint({ sub: 'x' }) });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('auth_unavailable');
  });
});
