import { ErrorBody, Health } from '@co2/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { startTestIssuer, type TestIssuer } from '../support/test-issuer.js';

describe('platform endpoints over HTTP', () => {
  let issuer: TestIssuer;
  let api: RunningApi;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    api = await startApi({ issuer: issuer.issuer });
  });
  afterAll(async () => {
    await api?.close();
    await issuer?.close();
  });

  it('/healthz and /readyz answer ok without a token', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await api.get(path);
      expect(res.status).toBe(200);
      expect(Health.parse(await res.json())).toEqual({ status: 'ok' });
    }
  });

  it('when a route does not exist, then 404 not_found in the error shape', async () => {
    const res = await api.get('/nothing/here');
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json())).toEqual({ error: { code: 'not_found', message: 'Not found: GET /nothing/here' } });
  });

  it('when the JSON body is malformed, then 400 invalid_json', async () => {
    const token = await issuer.mint({ sub: 'admin', roles: ['backoffice.admin@global'] });
    const res = await fetch(`${api.url}/api/v1/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('invalid_json');
  });

  it('when a sane X-Request-Id is sent, then it is echoed; otherwise a new one is generated', async () => {
    expect((await api.get('/healthz', { headers: { 'x-request-id': 'bff-42.a:b' } })).headers.get('x-request-id')).toBe('bff-42.a:b');
    const replaced = (await api.get('/healthz', { headers: { 'x-request-id': 'bad id\twith<script>' } })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.get('/nothing')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the OpenAPI document is public, OpenAPI 3.1, and documents /api/v1/me with bearer security', async () => {
    const res = await api.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.paths['/api/v1/me'].get).toMatchObject({ operationId: 'getMe', security: [{ bearerAuth: [] }] });
    expect(doc.paths['/api/v1/me'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Me' });
    expect(doc.paths['/api/v1/units'].get.parameters).toEqual([expect.objectContaining({ name: 'level', in: 'query' })]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Me.properties).toHaveProperty('roles');
  });

  it('Swagger UI is public at /api/docs/ and loads the document by its absolute path', async () => {
    const redirect = await fetch(`${api.url}/api/docs`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('./docs/');
    const page = await api.get('/api/docs/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    const init = await (await api.get('/api/docs/swagger-ui-init.js')).text();
    expect(init).toContain('"url": "/api/openapi.json"');
    expect((await api.get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('readiness when the database is gone', () => {
  it('then /readyz answers 503 database_unavailable and /healthz still 200', async () => {
    const issuer = await startTestIssuer();
    const api = await startApi({ issuer: issuer.issuer });
    try {
      await api.database.testDb.drop(); // terminates the pool's connections; new ones are refused
      const res = await api.get('/readyz');
      expect(res.status).toBe(503);
      expect(ErrorBody.parse(await res.json()).error.code).toBe('database_unavailable');
      expect((await api.get('/healthz')).status).toBe(200);
    } finally {
      await api.close();
      await issuer.close();
    }
  });
});
