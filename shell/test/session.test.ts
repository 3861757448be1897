import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@co2/shell-sdk/testing';
import { loadSession, signInUrl, signOut } from '../src/session/session.js';

const contracts = () => import('@co2/contracts');
const user = { sub: 'principal', name: 'Pat Principal', email: 'p@example.org', roles: ['user.principal@unit:LAB-CARBON'], sessionExpiresAt: '2030-01-01T00:00:00Z' };

describe('loadSession', () => {
  it('when /bff/user answers 401, then signed out (and the contracts are not needed)', async () => {
    const session = await loadSession({
      fetch: fakeFetch({ 'GET /bff/user': { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in' } } } }),
      contracts: () => Promise.reject(new Error('must not load contracts')),
    });
    expect(session).toEqual({ status: 'signed-out' });
  });

  it('when /bff/user answers 401, then its body is read to the end (an unread body keeps the request open)', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in' } }), { status: 401 });
    await loadSession({ fetch: () => Promise.resolve(response), contracts: () => Promise.reject(new Error('must not load contracts')) });
    expect(response.bodyUsed).toBe(true);
  });

  it('when /bff/user answers a BffUser, then signed in with that user', async () => {
    const fetch = fakeFetch({ 'GET /bff/user': { body: user } });
    await expect(loadSession({ fetch, contracts })).resolves.toEqual({ status: 'signed-in', user });
    expect(fetch.calls[0]?.init.credentials).toBe('same-origin');
  });

  it('when the body breaks the contract, a server error or the network fails, then an error state (never signed in)', async () => {
    await expect(loadSession({ fetch: fakeFetch({ 'GET /bff/user': { body: { ...user, roles: 'admin' } } }), contracts })).resolves.toMatchObject({ status: 'error' });
    await expect(
      loadSession({ fetch: fakeFetch({ 'GET /bff/user': { status: 500, body: { error: { code: 'internal', message: 'Session store down' } } } }), contracts }),
    ).resolves.toEqual({ status: 'error', message: 'Session store down' });
    await expect(loadSession({ fetch: () => Promise.reject(new TypeError('offline')), contracts })).resolves.toEqual({ status: 'error', message: 'offline' });
  });
});

describe('signInUrl', () => {
  it('returns to the current path, never to another origin', () => {
    expect(signInUrl('/travel?x=1')).toBe('/auth/login?returnTo=%2Ftravel%3Fx%3D1');
    expect(signInUrl('//evil.example')).toBe('/auth/login?returnTo=%2F');
    expect(signInUrl('https://evil.example')).toBe('/auth/login?returnTo=%2F');
  });
});

describe('signOut', () => {
  it('POSTs /auth/logout with the CSRF header and returns the end-session URL', async () => {
    const fetch = fakeFetch({ 'POST /auth/logout': { body: { endSessionUrl: 'http://localhost:8082/session/end?x=1' } } });
    await expect(signOut({ fetch, contracts })).resolves.toBe('http://localhost:8082/session/end?x=1');
    expect(fetch.calls[0]?.init.headers).toMatchObject({ 'X-CSRF': '1' });
  });

  it('when the BFF refuses, then it rejects with the API error', async () => {
    const fetch = fakeFetch({ 'POST /auth/logout': { status: 403, body: { error: { code: 'csrf_failed', message: 'Missing X-CSRF' } } } });
    await expect(signOut({ fetch, contracts })).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
  });
});
