import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const base = {
  DATABASE_URL: 'postgres://u@localhost/db',
  OIDC_ISSUER: 'http://localhost:8082',
  OIDC_CLIENT_ID: 'co2-bff',
  OIDC_CLIENT_SECRET: 'secret',
  SESSION_SECRET: 'x'.repeat(32),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.key}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('BFF configuration', () => {
  it('when only the required variables are set, then the documented defaults apply', () => {
    const config = loadConfig(base);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080, trustProxy: false });
    expect(config.publicOrigin).toBe('http://localhost:8080');
    expect(config.oidc.redirectUri).toBe('http://localhost:8080/auth/callback');
    expect(config.session).toMatchObject({ cookieName: 'co2.sid', secure: false });
    expect(config.coreApi).toMatchObject({ url: 'http://127.0.0.1:8081', audience: 'urn:co2:core-api' });
    expect(config.registry.remotes.map((r) => r.name)).toEqual(['mf_inventory', 'mf_travel', 'mf_dashboard', 'mf_backoffice']);
    expect(Object.keys(config.webDist)).toEqual(['/', '/remotes/inventory', '/remotes/travel', '/remotes/dashboard', '/remotes/backoffice']);
    expect(config.webDist['/']).toMatch(/shell[\\/]dist$/);
  });

  it('when secrets are missing or too short, then every offending key is named', () => {
    expect(problems({ ...base, SESSION_SECRET: 'short', OIDC_CLIENT_SECRET: undefined, DATABASE_URL: 'mysql://x' })).toEqual(
      expect.arrayContaining(['SESSION_SECRET: must be at least 32 characters', 'OIDC_CLIENT_SECRET: required', expect.stringMatching(/^DATABASE_URL: /)]),
    );
  });

  it('when PUBLIC_ORIGIN is https, then the cookie is __Host- prefixed and Secure', () => {
    const config = loadConfig({ ...base, PUBLIC_ORIGIN: 'https://co2.example.org', TRUST_PROXY: '1' });
    expect(config.session).toMatchObject({ cookieName: '__Host-co2.sid', secure: true });
    expect(config.http.trustProxy).toBe(1);
    expect(config.oidc.postLogoutRedirectUri).toBe('https://co2.example.org/');
  });

  it('when URLs are not URLs, then each is reported (no crash)', () => {
    expect(problems({ ...base, DATABASE_URL: 'x', OIDC_ISSUER: 'nope', PUBLIC_ORIGIN: '::' })).toEqual([
      expect.stringMatching(/^PUBLIC_ORIGIN: must be a URL/),
      expect.stringMatching(/^DATABASE_URL: must be a URL/),
      expect.stringMatching(/^OIDC_ISSUER: must be a URL/),
    ]);
  });

  it('when PUBLIC_ORIGIN has a path, then it is refused', () => {
    expect(problems({ ...base, PUBLIC_ORIGIN: 'https://co2.example.org/portal' })).toEqual([expect.stringMatching(/^PUBLIC_ORIGIN: must be an origin/)]);
  });

  it('when REMOTES_REGISTRY is inline JSON, then it is validated against the contract', () => {
    const registry = { remotes: [{ name: 'mf_travel', entry: 'https://cdn.example.org/travel/remoteEntry.js', version: '2.0.0' }] };
    expect(loadConfig({ ...base, REMOTES_REGISTRY: JSON.stringify(registry) }).registry).toEqual(registry);
    expect(problems({ ...base, REMOTES_REGISTRY: '{"remotes":[{"name":"Bad Name","entry":"x","version":"1"}]}' })).toEqual([
      expect.stringMatching(/^REMOTES_REGISTRY: remotes\.0\.name/),
    ]);
    expect(problems({ ...base, REMOTES_REGISTRY: '/nonexistent/registry.json' })).toEqual([expect.stringMatching(/^REMOTES_REGISTRY: must be a JSON registry/)]);
  });

  it('when WEB_DIST is not a prefix map, then it is refused', () => {
    expect(problems({ ...base, WEB_DIST: '["dist"]' })).toEqual([expect.stringMatching(/^WEB_DIST: /)]);
    expect(loadConfig({ ...base, WEB_DIST: '{"/":"/srv/shell"}' }).webDist).toEqual({ '/': '/srv/shell' });
  });

  it('when NODE_ENV is production, then PUBLIC_ORIGIN is required', () => {
    expect(problems({ ...base, NODE_ENV: 'production' })).toEqual(['PUBLIC_ORIGIN: required in production']);
  });

  it('when nothing about delivery is set, then published remotes go to the disk store under .data and must match the workspace majors', () => {
    const config = loadConfig(base);
    expect(config.remoteStore).toMatchObject({ kind: 'disk', dir: expect.stringMatching(/\.data[\\/]remotes$/) });
    expect(config.delivery).toMatchObject({ registryCacheMs: 1000, publishMaxBytes: '64mb' });
    expect(config.delivery.portal['@co2/shell-sdk']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('when the store is S3, then the bucket is required, and an endpoint means path-style addressing', () => {
    expect(problems({ ...base, REMOTE_STORE: 's3' })).toEqual(['S3_BUCKET: required when REMOTE_STORE=s3']);
    expect(problems({ ...base, REMOTE_STORE: 'ftp' })).toEqual([expect.stringMatching(/^REMOTE_STORE: /)]);
    const config = loadConfig({ ...base, REMOTE_STORE: 's3', S3_BUCKET: 'co2-remotes', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    expect(config.remoteStore).toEqual({
      kind: 's3',
      s3: { bucket: 'co2-remotes', endpoint: 'http://minio:9000', region: 'us-east-1', prefix: 'remotes/', forcePathStyle: true, accessKeyId: 'k', secretAccessKey: 's' },
    });
  });
});
