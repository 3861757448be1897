// Session cookie + Postgres store (bff.session). No write per request: unchanged sessions are neither
// saved nor touched; a session is written at sign-in and when its tokens are refreshed.
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { BffConfig } from '../config.js';

export function sessionMiddleware(config: BffConfig['session'], pool: pg.Pool, logger: Logger): RequestHandler {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    schemaName: 'bff',
    tableName: 'session',
    disableTouch: true,
    errorLog: (...args: unknown[]) => logger.error({ args }, 'session store error'),
  });
  return session({
    name: config.cookieName,
    secret: config.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secure, path: '/', maxAge: config.maxAgeSeconds * 1000 },
  });
}
