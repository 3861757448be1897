// Starts the real pieces for HTTP tests: a fresh Postgres database, the dev OIDC provider, an echo
// upstream for core-api and the BFF (createApp, as main.ts runs it) on ephemeral ports.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@co2/deploy/testing';
import { startDevIdp, type DevIdp } from '@co2/deploy/dev-idp';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig, type BffConfig } from '../../src/config.js';
import { runMigrations } from '../../src/db/migrate.js';
import { listen, startEchoUpstream, type RunningServer } from './servers.js';
import { createWebDist } from './web-dist.js';

export const AUDIENCE = 'urn:co2:core-api';

export interface Harness {
  origin: string;
  config: BffConfig;
  idp: DevIdp;
  upstream: RunningServer;
  pool: pg.Pool;
  /** Starts another BFF on the same database and provider with a modified configuration. */
  startBff(change: (config: BffConfig) => BffConfig): Promise<RunningServer>;
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
    const bff = await listen(undefined);
    cleanups.push(() => bff.close());
    const client = {
      clientId: 'co2-bff',
      clientSecret: randomBytes(16).toString('hex'),
      redirectUris: [`${bff.url}/auth/callback`],
      postLogoutRedirectUris: [`${bff.url}/`],
    };
    const idp = await startDevIdp({ port: 0, clients: [client], audience: AUDIENCE });
    cleanups.push(() => idp.close());
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
      LOG_LEVEL: 'silent',
    });
    const pool = new pg.Pool({ connectionString: db.url, max: 5 });
    cleanups.push(() => pool.end());
    await runMigrations(pool);
    const logger = pino({ level: 'silent' });
    bff.server.on('request', createApp(config, { pool, logger }));

    return {
      origin: bff.url,
      config,
      idp,
      upstream,
      pool,
      async startBff(change) {
        const other = await listen(createApp(change(config), { pool, logger }));
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
