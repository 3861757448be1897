// Starts the whole portal as one supervised process tree: embedded PostgreSQL (unless DATABASE_URL),
// the development OIDC provider (unless OIDC_ISSUER), core-api and the BFF. Used by `npm start` and e2e tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './postgres.mjs';
import { freePort, startChild, waitForHttp } from './processes.mjs';
import { localSecrets } from './secrets.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const DEFAULT_AUDIENCE = 'urn:co2:core-api';
const CLIENT_ID = 'co2-portal';

/**
 * @param {object} o
 * @param {number} [o.port] BFF port (0 = free port)
 * @param {string} [o.databaseUrl] use this database instead of the embedded one
 * @param {{issuer:string, clientId:string, clientSecret:string}} [o.oidc] external provider
 * @param {string} [o.dataDir] where embedded data and dev secrets live
 * @param {boolean} [o.quiet] do not echo children's stdout
 * @param {(msg:string)=>void} [o.log]
 * @param {(info:object)=>void} [o.onUnexpectedExit]
 * @param {Record<string,string>} [o.env] extra environment for every child
 */
export async function startPortal(o = {}) {
  const log = o.log ?? ((m) => console.log(`[portal] ${m}`));
  const production = (o.env?.NODE_ENV ?? process.env.NODE_ENV) === 'production';
  const dataDir = o.dataDir ?? path.join(ROOT, '.data');
  const started = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => {});
    started.length = 0;
  };
  const childEnv = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', NODE_ENV: production ? 'production' : 'development', ...o.env };
  const spawnTs = (name, entry, env) => {
    const c = startChild({ name, command: TSX, args: [path.join(ROOT, entry)], cwd: ROOT, env: { ...childEnv, ...env }, quiet: o.quiet, onExit: o.onUnexpectedExit });
    started.push(c);
    return c;
  };

  try {
    if (production && (!o.databaseUrl || !o.oidc)) {
      throw new Error('NODE_ENV=production: set DATABASE_URL, OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (the embedded database and the development provider never run in production)');
    }
    const secrets = o.oidc ? null : await localSecrets(dataDir);

    // 1. PostgreSQL
    let databaseUrl = o.databaseUrl;
    if (!databaseUrl) {
      const pgPort = o.pgPort ?? 54329;
      log(`starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data: ${path.relative(ROOT, path.join(dataDir, 'postgres')) || dataDir})`);
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: pgPort, log: o.pgLog ?? (() => {}) });
      started.push({ name: 'postgres', stop: pg.stop });
      databaseUrl = pg.url();
    }

    // 2. OIDC provider
    const bffPort = o.port === 0 ? await freePort() : (o.port ?? 8080);
    const publicOrigin = o.publicOrigin ?? `http://localhost:${bffPort}`;
    const audience = o.env?.CORE_API_AUDIENCE ?? process.env.CORE_API_AUDIENCE ?? DEFAULT_AUDIENCE;
    let oidc = o.oidc;
    if (!oidc) {
      const idpPort = o.idpPort === 0 || o.port === 0 ? await freePort() : (o.idpPort ?? 8082);
      const issuer = `http://localhost:${idpPort}`;
      oidc = { issuer, clientId: CLIENT_ID, clientSecret: secrets.oidcClientSecret };
      log(`starting the development OIDC provider at ${issuer} (demo accounts: principal, member, reporter, admin; password = login)`);
      const idp = spawnTs('dev-idp', 'deploy/dev-idp/src/main.ts', {
        DEV_IDP_PORT: String(idpPort),
        DEV_IDP_ISSUER: issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        DEV_IDP_REDIRECT_URIS: `${publicOrigin}/auth/callback`,
        DEV_IDP_POST_LOGOUT_REDIRECT_URIS: `${publicOrigin}/`,
        DEV_IDP_KEYS_FILE: path.join(dataDir, 'dev-idp-keys.json'),
        CORE_API_AUDIENCE: audience,
      });
      await waitForHttp(`${issuer}/.well-known/openid-configuration`, { child: idp });
    }

    // 3. core-api
    const corePort = o.port === 0 ? await freePort() : (o.corePort ?? 8081);
    const coreUrl = `http://127.0.0.1:${corePort}`;
    log('starting core-api (migrations, demo seed)');
    const core = spawnTs('core-api', 'core-api/src/main.ts', {
      DATABASE_URL: databaseUrl,
      OIDC_ISSUER: oidc.issuer,
      CORE_API_AUDIENCE: audience,
      CORE_API_PORT: String(corePort),
      CORE_API_HOST: '127.0.0.1',
      SEED_DEMO: production ? 'false' : 'true',
    });
    await waitForHttp(`${coreUrl}/readyz`, { child: core });

    // 4. BFF (serves the web too)
    log('starting the BFF');
    const bff = spawnTs('bff', 'bff/src/main.ts', {
      PORT: String(bffPort),
      PUBLIC_ORIGIN: publicOrigin,
      DATABASE_URL: databaseUrl,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      SESSION_SECRET: o.env?.SESSION_SECRET ?? process.env.SESSION_SECRET ?? secrets?.sessionSecret ?? '',
      CORE_API_URL: coreUrl,
      CORE_API_AUDIENCE: audience,
      // Published remote versions (docs/adr/0008-independent-delivery.md): local disk beside the other data.
      REMOTE_STORE_DIR: path.join(dataDir, 'remotes'),
    });
    await waitForHttp(`http://127.0.0.1:${bffPort}/healthz`, { child: bff });
    return { url: publicOrigin, databaseUrl, issuer: oidc.issuer, oidc, coreUrl, audience, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
