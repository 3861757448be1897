import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_KEYS, loadConfig } from '../../src/config.js';

const required = { DATABASE_URL: 'postgres://u@db:5432/co2', OIDC_ISSUER: 'https://id.example.org' };

describe('configuration', () => {
  it('when only the required variables are set, then the documented defaults apply', () => {
    expect(loadConfig(required)).toEqual({
      database: { url: required.DATABASE_URL },
      oidc: { issuer: 'https://id.example.org', audience: 'urn:co2:core-api' },
      http: { host: '127.0.0.1', port: 8081 },
      seedDemo: false,
      logLevel: 'info',
      jobs: { pollIntervalMs: 10_000, leaseMs: 30_000, concurrency: 1, eventsRecheckMs: 5_000 },
      uploads: { maxBytes: 100 * 1024 * 1024, retentionDays: 30 },
    });
  });

  it('when every variable is set, then each one is used', () => {
    const config = loadConfig({
      ...required,
      CORE_API_AUDIENCE: 'api://co2',
      CORE_API_PORT: '9000',
      CORE_API_HOST: '0.0.0.0',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'debug',
      JOB_POLL_INTERVAL_MS: '2000',
      JOB_LEASE_MS: '5000',
      JOB_CONCURRENCY: '0',
      JOB_EVENTS_RECHECK_MS: '1000',
      UPLOAD_MAX_BYTES: '2048',
      UPLOAD_RETENTION_DAYS: '7',
    });
    expect(config).toMatchObject({
      oidc: { audience: 'api://co2' },
      http: { host: '0.0.0.0', port: 9000 },
      seedDemo: true,
      logLevel: 'debug',
      jobs: { pollIntervalMs: 2000, leaseMs: 5000, concurrency: 0, eventsRecheckMs: 1000 },
      uploads: { maxBytes: 2048, retentionDays: 7 },
    });
  });

  it('when variables are missing or wrong, then the error names every offending key', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x/y', CORE_API_PORT: '70000', SEED_DEMO: 'yes', OIDC_ISSUER: '' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.key);
    expect(keys.sort()).toEqual(['CORE_API_PORT', 'DATABASE_URL', 'OIDC_ISSUER', 'SEED_DEMO']);
    expect((error as ConfigError).message).toMatch(/OIDC_ISSUER \(required\)/);
    expect((error as ConfigError).message).toMatch(/DATABASE_URL \(must be a URL with scheme postgres or postgresql\)/);
  });

  it('reads exactly the documented variables and has no default for secrets or URLs', () => {
    expect(CONFIG_KEYS).toEqual([
      'DATABASE_URL',
      'OIDC_ISSUER',
      'CORE_API_AUDIENCE',
      'CORE_API_PORT',
      'CORE_API_HOST',
      'SEED_DEMO',
      'LOG_LEVEL',
      'JOB_POLL_INTERVAL_MS',
      'JOB_LEASE_MS',
      'JOB_CONCURRENCY',
      'JOB_EVENTS_RECHECK_MS',
      'UPLOAD_MAX_BYTES',
      'UPLOAD_RETENTION_DAYS',
    ]);
    expect(() => loadConfig({})).toThrow(/DATABASE_URL \(required\).*OIDC_ISSUER \(required\)/);
  });
});
