import { describe, expect, it } from 'vitest';
import { Me } from '@co2/contracts';
import { z } from '@co2/contracts/zod';
import { ApiError, createApiClient } from '../src/index.js';
import { fakeFetch, jsonResponse } from '../src/testing.js';

const me = {
  id: '7d9a3f0e-3c1b-4f7a-9a59-0c3f8e2b1a11',
  subject: 'principal',
  email: 'principal@example.org',
  displayName: 'Pat Principal',
  roles: [{ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } }],
  units: [{ code: 'LAB-CARBON', name: 'Carbon Lab', level: 4, parentCode: 'ENV-CLIM' }],
};

describe('createApiClient', () => {
  it('when a GET succeeds, then the body is parsed with the contract schema and returned', async () => {
    const fetch = fakeFetch({ 'GET /api/v1/me': { body: me } });
    const api = createApiClient({ fetch });
    const result = await api.get('/v1/me', Me);
    expect(result.displayName).toBe('Pat Principal');
    expect(fetch.calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    expect((fetch.calls[0]?.init.headers as Record<string, string>)['X-CSRF']).toBeUndefined();
  });

  it('when a response does not match the contract, then it rejects with invalid_response naming the field', async () => {
    const api = createApiClient({ fetch: fakeFetch({ 'GET /api/v1/me': { body: { ...me, displayName: 42 } } }) });
    const error = await api.get('/v1/me', Me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
    expect((error as ApiError).details.map((d) => d.path)).toContain('displayName');
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)('when calling %s, then it sends X-CSRF and a JSON body', async (method) => {
    const fetch = fakeFetch({ [`${method.toUpperCase()} /api/v1/things`]: { body: { ok: true } } });
    const api = createApiClient({ fetch });
    await api[method]('v1/things', z.object({ ok: z.boolean() }), { name: 'x' });
    const init = fetch.calls[0]!.init;
    expect(init.headers).toMatchObject({ 'X-CSRF': '1', 'Content-Type': 'application/json', Accept: 'application/json' });
    expect(init.body).toBe('{"name":"x"}');
    expect(init.credentials).toBe('same-origin');
  });

  it('when the server answers with the error body, then it rejects with its status, code, message and details', async () => {
    const body = { error: { code: 'validation_failed', message: 'year must be an integer', details: [{ path: 'year', message: 'Expected integer' }] } };
    const api = createApiClient({ fetch: fakeFetch({ 'POST /api/v1/trips': { status: 422, body } }) });
    const error = await api.post('/v1/trips', z.unknown(), { year: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', message: 'year must be an integer', details: [{ path: 'year', message: 'Expected integer' }] });
  });

  it('when an error response is not the error body (e.g. a proxy page), then it rejects with unexpected_response', async () => {
    const api = createApiClient({ fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await expect(api.get('/v1/me', Me)).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
  });

  it('when the network fails, then it rejects with status 0 and network_error', async () => {
    const api = createApiClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.get('/v1/me', Me)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('when a 204 has no body, then the schema decides (undefined is accepted by z.undefined())', async () => {
    const api = createApiClient({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(api.delete('/v1/things/1', z.undefined())).resolves.toBeUndefined();
    await expect(api.delete('/v1/things/1', z.object({}))).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('when a base URL is given, then paths are joined under it and absolute URLs are refused', async () => {
    const fetch = fakeFetch({ 'GET /core/v1/me': { body: me } });
    const api = createApiClient({ baseUrl: '/core/', fetch });
    await api.get('v1/me', Me);
    expect(fetch.calls[0]?.url).toBe('/core/v1/me');
    await expect(api.get('https://evil.example/x', Me)).rejects.toThrow(TypeError);
  });

  it('uses the global fetch when none is injected', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = (async () => jsonResponse(200, me)) as typeof fetch;
    try {
      await expect(createApiClient().get('/v1/me', Me)).resolves.toMatchObject({ subject: 'principal' });
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('settle', async () => {
  const { settle } = await import('../src/index.js');
  it('when the loader resolves, then ready with its data; when it throws anything, then error with an ApiError', async () => {
    await expect(settle(async () => 3)).resolves.toEqual({ status: 'ready', data: 3 });
    const failed = await settle(async () => { throw new Error('boom'); });
    expect(failed.status).toBe('error');
    expect(failed.status === 'error' && failed.error).toBeInstanceOf(ApiError);
    const api = await settle(() => Promise.reject(new ApiError({ status: 403, code: 'forbidden', message: 'no' })));
    expect(api).toMatchObject({ status: 'error', error: { status: 403, code: 'forbidden' } });
  });
});
