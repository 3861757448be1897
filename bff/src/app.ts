// The BFF's Express application: request ids and logs, session, auth, API proxy, portal, static bundles.
import { randomUUID } from 'node:crypto';
import express from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createOidcClient, type OidcClient } from './auth/oidc-client.js';
import { authRoutes } from './auth/routes.js';
import { createTokenRefresher } from './auth/tokens.js';
import type { BffConfig } from './config.js';
import { errorHandler, notFound } from './errors.js';
import { apiProxy } from './http/api-proxy.js';
import { requireCsrfHeader } from './http/csrf.js';
import { portalRoutes } from './http/portal.js';
import { sessionMiddleware } from './http/session.js';
import { spaFallback, staticBundles } from './http/static.js';

export interface AppDeps {
  pool: pg.Pool;
  logger: Logger;
  /** Defaults to discovery of config.oidc.issuer. */
  oidc?: OidcClient;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createApp(config: BffConfig, deps: AppDeps): express.Express {
  const oidc = deps.oidc ?? createOidcClient(config.oidc);
  const refresher = createTokenRefresher(oidc);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId(req, res) {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        req.headers['x-request-id'] = id; // forwarded to core-api by the proxy
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.use(portalRoutes(config.registry, deps.pool));
  app.use(['/auth', '/bff', '/api'], sessionMiddleware(config.session, deps.pool, deps.logger));
  app.use('/auth/logout', requireCsrfHeader({ allowSameOriginForms: config.publicOrigin }));
  app.use(authRoutes(config, { oidc, refresher }));
  app.use('/api', apiProxy(config, refresher));
  app.use(staticBundles(config.webDist));
  app.use(spaFallback(config.webDist['/']));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
