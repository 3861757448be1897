// Acceptance 7: CSP (own origin + the registry's remote origins), HSTS on https, nosniff, Referrer-Policy on
// every response; no CORS headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { HASHED_ASSET } from '../support/web-dist.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe('security headers', () => {
  it.each([
    ['GET', '/', { accept: 'text/html' }],
    ['GET', `/${HASHED_ASSET}`, {}],
    ['GET', '/remotes/inventory/remoteEntry.js', {}],
    ['GET', '/portal/remotes.json', {}],
    ['GET', '/bff/user', {}],
    ['GET', '/api/v1/x', {}],
    ['POST', '/api/v1/trips', {}],
    ['GET', '/nope.json', {}],
    ['GET', '/healthz', {}],
    ['GET', '/auth/callback?state=x', {}],
  ])('when %s %s, then the security headers are there and no CORS header', async (method, path, headers) => {
    const res = await fetch(`${h.origin}${path}`, { method, redirect: 'manual', headers: { origin: 'https://evil.example', ...headers } });
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // http origin
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('when the registry has a remote on another origin, then the CSP allows exactly that origin besides self', async () => {
    const bff = await h.startBff((c) => ({
      ...c,
      registry: { remotes: [...c.registry.remotes, { name: 'mf_extra', entry: 'https://cdn.example:8443/extra/remoteEntry.js', version: '1.0.0' }] },
    }));
    const csp = directives((await fetch(`${bff.url}/`)).headers.get('content-security-policy')!);
    expect(csp['script-src']).toEqual(["'self'", 'https://cdn.example:8443']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://cdn.example:8443']);
    expect(csp['form-action']).toEqual(["'self'", h.idp.issuer]);
  });

  it('when the public origin is https, then HSTS is sent', async () => {
    const bff = await h.startBff((c) => ({ ...c, publicOrigin: 'https://portal.example' }));
    const res = await fetch(`${bff.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
