import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { apiAllowlist } from '../../src/http/api-allowlist.js';
import { expiresAt, isExpired, touchDue } from '../../src/session/lifetimes.js';

const base = {
  DATABASE_URL: 'postgres://u@localhost/db',
  OIDC_ISSUER: 'http://localhost:8082',
  OIDC_CLIENT_ID: 'co2-bff',
  OIDC_CLIENT_SECRET: 'secret',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('security configuration', () => {
  it('when nothing is set, then idle 30 min, absolute 10 h, store timeout 1.5 s, 60 auth requests per minute, the contracts allowlist', () => {
    const c = loadConfig(base);
    expect(c.session).toMatchObject({ idleTimeoutSeconds: 1800, absoluteLifetimeSeconds: 36_000, storeTimeoutMs: 1500 });
    expect(c.authRateLimit).toEqual({ max: 60, windowSeconds: 60 });
    expect(c.coreApi.routes).toEqual(expect.arrayContaining([{ method: 'GET', path: '/api/v1/me' }, { method: 'GET', path: '/api/v1/units' }]));
  });

  it('when the variables are set, then they apply; invalid ones are named', () => {
    const c = loadConfig({ ...base, SESSION_IDLE_TIMEOUT_SECONDS: '600', SESSION_ABSOLUTE_LIFETIME_SECONDS: '7200', AUTH_RATE_LIMIT_MAX: '5', AUTH_RATE_LIMIT_WINDOW_SECONDS: '10' });
    expect(c.session).toMatchObject({ idleTimeoutSeconds: 600, absoluteLifetimeSeconds: 7200 });
    expect(c.authRateLimit).toEqual({ max: 5, windowSeconds: 10 });
    expect(() => loadConfig({ ...base, SESSION_IDLE_TIMEOUT_SECONDS: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, AUTH_RATE_LIMIT_MAX: 'many' })).toThrow(/AUTH_RATE_LIMIT_MAX/);
  });
});

describe('lifetimes', () => {
  const l = { idleTimeoutSeconds: 1800, absoluteLifetimeSeconds: 36_000 };
  it('when idle or absolute deadline passes, then the session is expired; touch is due after a minute', () => {
    const t = { createdAt: 0, lastSeenAt: 0, signedIn: true };
    expect(expiresAt(t, l)).toBe(1_800_000);
    expect(isExpired(t, l, 1_799_999)).toBe(false);
    expect(isExpired(t, l, 1_800_000)).toBe(true);
    expect(expiresAt({ ...t, lastSeenAt: 35_000_000 }, l)).toBe(36_000_000);
    expect(touchDue(t, 59_999)).toBe(false);
    expect(touchDue(t, 60_000)).toBe(true);
    expect(expiresAt({ ...t, signedIn: false }, l)).toBe(15 * 60_000);
  });
});

describe('API allowlist', () => {
  const verdict = apiAllowlist([{ method: 'GET', path: '/api/v1/units/{code}' }, { method: 'POST', path: '/api/v1/units' }]);
  it.each([
    ['GET', '/api/v1/units/LAB-1', 'protected'],
    ['HEAD', '/api/v1/units/LAB-1', 'protected'],
    ['DELETE', '/api/v1/units/LAB-1', 'method_not_allowed'],
    ['GET', '/api/v1/units', 'method_not_allowed'],
    ['GET', '/api/v1/units/a/b', 'not_found'],
    ['GET', '/api/v1/units/..', 'not_found'],
    ['GET', '/api/v1/units/%2e%2e', 'not_found'],
    ['GET', '/api/v1/units/a%5cb', 'not_found'],
    ['GET', '/api/docs/', 'public'],
    ['PUT', '/api/docs/x', 'method_not_allowed'],
  ])('%s %s → %s', (method, path, kind) => {
    expect(verdict(method, path).kind).toBe(kind);
  });
});
