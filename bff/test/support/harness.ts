// Starts the real pieces for HTTP tests: a fresh Postgres database, the dev OIDC provider, an echo
// upstream for core-api and the BFF (createApp, as main.ts runs it) on ephemeral ports.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import { startDevIdp, type DevIdp } from '@co2/deploy/dev-idp';
import pg from 'pg';
import { pino } from 'pino';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type BffConfig, type ProxiedRoute } from '../../src/config.js';
import { runMigrations } from '../../src/db/migrate.js';
import { registryService } from '../../src/remotes/registry-service.js';
import { listen, startEchoUpstream, type RunningServer } from './servers.js';
import { createWebDist } from './web-dist.js';

export const AUDIENCE = 'urn:co2:core-api';

/** Echo-upstream operations added to the contracts' allowlist for the proxy tests. */
export const TEST_ROUTES: ProxiedRoute[] = [
  { method: 'GET', path: '/api/v1/x' },
  { method: 'POST', path: '/api/v1/trips' },
  { method: 'DELETE', path: '/api/v1/trips/{id}' },
  { method: 'GET', path: '/api/v1/slow' },
  { method: 'GET', path: '/api/v1/cors' },
];

/** The BFF's clock: real time plus an offset the tests move. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
  reset(): void;
}

function testClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => void (offset += ms), reset: () => void (offset = 0) };
}

export interface Harness {
  origin: string;
  config: BffConfig;
  idp: DevIdp;
  upstream: RunningServer;
  pool: pg.Pool;
  clock: TestClock;
  /** Refresh-token grants the provider answered successfully (counted at the provider). */
  refreshGrants(): number;
  /** Logout tokens the provider delivered to the BFF's back-channel endpoint (recorded on the way). */
  logoutTokens: string[];
  /** The provider's signing keys (private JWKS). */
  idpKeysFile: string;
  /**
   * Waits until a session row changed directly in Postgres (as another BFF instance would) is visible: the
   * BFF reuses session reads for up to `config.session.readCacheMs`.
   */
  outlastReadCache(): Promise<void>;
  /** Starts another BFF on the same database and provider with a modified configuration. */
  startBff(change: (config: BffConfig) => BffConfig, deps?: Partial<AppDeps>): Promise<RunningServer>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const db: TestDatabase = await createTestDatabase('bff');
    cleanups.push(() => db.drop());
    const web = createWebDist();
    cleanups.push(() => web.remove());
    const remoteStoreDir = mkdtempSync(path.join(tmpdir(), 'bff-remote-store-'));
    cleanups.push(() => rmSync(remoteStoreDir, { recursive: true, force: true }));
    const bff = await listen(undefined);
    cleanups.push(() => bff.close());
    // The provider delivers logout tokens through this recorder, which forwards them to the BFF unchanged.
    const logoutTokens: string[] = [];
    const recorder = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      logoutTokens.push(new URLSearchParams(body).get('logout_token') ?? '');
      const forwarded = await fetch(`${bff.url}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body,
      });
      res.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'text/plain' }).end(await forwarded.text());
    });
    cleanups.push(() => recorder.close());
    const client = {
      clientId: 'co2-bff',
      clientSecret: randomBytes(16).toString('hex'),
      redirectUris: [`${bff.url}/auth/callback`],
      postLogoutRedirectUris: [`${bff.url}/`],
      backchannelLogoutUri: `${recorder.url}/auth/backchannel-logout`,
    };
    const keysDir = mkdtempSync(path.join(tmpdir(), 'bff-idp-keys-'));
    cleanups.push(() => rmSync(keysDir, { recursive: true, force: true }));
    const idpKeysFile = path.join(keysDir, 'keys.json');
    const idp = await startDevIdp({ port: 0, clients: [client], audience: AUDIENCE, keysFile: idpKeysFile });
    cleanups.push(() => idp.close());
    let refreshGrants = 0;
    idp.on('grant.success', (ctx) => {
      if ((ctx as { oidc?: { params?: { grant_type?: unknown } } }).oidc?.params?.grant_type === 'refresh_token') refreshGrants += 1;
    });
    const upstream = await startEchoUpstream();
    cleanups.push(() => upstream.close());

    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: String(bff.port),
      HOST: 'localhost',
      PUBLIC_ORIGIN: bff.url,
      DATABASE_URL: db.url,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: client.clientId,
      OIDC_CLIENT_SECRET: client.clientSecret,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      CORE_API_URL: upstream.url,
      CORE_API_AUDIENCE: AUDIENCE,
      WEB_DIST: JSON.stringify(web.webDist),
      REMOTE_STORE_DIR: remoteStoreDir,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_MAX: '100000',
    });
    config.coreApi.routes = [...config.coreApi.routes, ...TEST_ROUTES];
    const pool = new pg.Pool({ connectionString: db.url, max: 5 });
    pool.on('error', () => undefined);
    cleanups.push(() => pool.end());
    await runMigrations(pool);
    await registryService(pool, { cacheMs: 0 }).seed(config.registry);
    const logger = pino({ level: 'silent' });
    const clock = testClock();
    bff.server.on('request', createApp(config, { pool, logger, clock: clock.now }));

    return {
      origin: bff.url,
      config,
      idp,
      upstream,
      pool,
      clock,
      refreshGrants: () => refreshGrants,
      logoutTokens,
      idpKeysFile,
      outlastReadCache: () => new Promise((resolve) => setTimeout(resolve, config.session.readCacheMs + 20)),
      async startBff(change, deps = {}) {
        const other = await listen(createApp(change(config), { pool, logger, clock: clock.now, ...deps }));
        cleanups.push(() => other.close());
        return other;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
