// The BFF's Express application: headers, request ids and logs, rate limits, forgery guard, sessions, auth,
// API proxy, portal documents and static bundles.
import express from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { loginRoutes } from './auth/login-routes.js';
import { logoutRoutes } from './auth/logout-routes.js';
import { createOidcClient, type OidcClient } from './auth/oidc-client.js';
import { createTokenRefresher } from './auth/tokens.js';
import type { BffConfig } from './config.js';
import { boundedQuery } from './db/bounded-query.js';
import { errorHandler, notFound } from './errors.js';
import { apiProxy } from './http/api-proxy.js';
import { bffRoutes } from './http/bff-routes.js';
import { requestForgeryGuard } from './http/csrf.js';
import { portalRoutes } from './http/portal.js';
import { registryService, type RegistryService } from './remotes/registry-service.js';
import { adminRemoteRoutes, portalRegistryRoutes, publishRoutes, remoteFailureRoutes } from './remotes/routes.js';
import { remoteFiles } from './remotes/serve.js';
import { createRemoteStore } from './remotes/create-store.js';
import type { RemoteStore } from './remotes/store.js';
import { authRateLimit } from './http/rate-limit.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { spaFallback, staticBundles } from './http/static.js';
import { lifetimeGuard, sessionMiddleware } from './http/session.js';
import { systemClock, type Clock } from './session/clock.js';
import type { CachedSession } from './session/pg-store.js';
import { sessionReadCache } from './session/read-cache.js';
import { sessionRepository } from './session/repository.js';

export interface AppDeps {
  pool: pg.Pool;
  logger: Logger;
  /** Defaults to discovery of config.oidc.issuer. */
  oidc?: OidcClient;
  /** Time of the session layer (lifetimes, token expiry); tests move it. */
  clock?: Clock;
  /** Called once per refresh-token grant sent to the provider. */
  onTokenRefresh?: () => void;
  /** Defaults to the configured store (config.remoteStore). */
  remoteStore?: RemoteStore;
  /** Defaults to one on `pool` (tests share one to seed it). */
  registry?: RegistryService;
}

export function createApp(config: BffConfig, deps: AppDeps): express.Express {
  const oidc = deps.oidc ?? createOidcClient(config.oidc);
  const clock = deps.clock ?? systemClock;
  const query = boundedQuery(deps.pool, config.session.storeTimeoutMs);
  const cache = sessionReadCache<CachedSession>({ ttlMs: config.session.readCacheMs });
  const sessions = sessionRepository(query, cache);
  const refresher = createTokenRefresher(oidc, { clock, ...(deps.onTokenRefresh ? { onRefresh: deps.onTokenRefresh } : {}) });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);

  app.use(securityHeaders(config));
  app.use(requestLog(deps.logger));

  const forgeryGuard = requestForgeryGuard();
  const session = [sessionMiddleware(config.session, query, cache, deps.logger), lifetimeGuard(config.session, clock)];
  // The API first: a proxied call walks no other route.
  app.use('/api', apiProxy(config, refresher, { forgeryGuard, session }));
  const store = deps.remoteStore ?? createRemoteStore(config.remoteStore);
  const registry = deps.registry ?? registryService(deps.pool, { cacheMs: config.delivery.registryCacheMs, timeoutMs: config.session.storeTimeoutMs, fallback: config.registry });
  app.use(portalRegistryRoutes(registry, session));
  app.use(publishRoutes({ pool: deps.pool, store, registry, portal: config.delivery.portal }, config.delivery.publishMaxBytes));
  app.use(remoteFiles(store));
  app.use(portalRoutes(deps.pool));
  app.use('/auth', authRateLimit(config.authRateLimit));
  app.use(['/auth', '/bff'], forgeryGuard, ...session);
  app.use(loginRoutes(config, { oidc, sessions, clock }));
  app.use(logoutRoutes(config, { oidc, sessions, clock }));
  app.use(bffRoutes(config, { oidc, refresher, sessions, clock }));
  app.use(remoteFailureRoutes(registry, refresher));
  app.use(adminRemoteRoutes(registry, refresher, store.kind));
  app.use(staticBundles(config.webDist));
  app.use(spaFallback(config.webDist['/']));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
