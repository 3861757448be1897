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
  app.use(portalRoutes(config.registry, deps.pool));
  app.use('/auth', authRateLimit(config.authRateLimit));
  app.use(['/auth', '/bff'], forgeryGuard, ...session);
  app.use(loginRoutes(config, { oidc, sessions, clock }));
  app.use(logoutRoutes(config, { oidc, sessions, clock }));
  app.use(bffRoutes(config, { oidc, refresher, sessions, clock }));
  app.use(staticBundles(config.webDist));
  app.use(spaFallback(config.webDist['/']));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
