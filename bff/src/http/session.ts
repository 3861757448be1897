// Session cookie + Postgres store (bff.session) + lifetimes. No write per request: an unchanged session is
// neither saved nor touched; it is written at sign-in, when tokens are refreshed and when "last seen" is
// more than a minute old (the idle deadline moves).
import { randomBytes } from 'node:crypto';
import session from 'express-session';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { BffConfig } from '../config.js';
import type { Query } from '../db/bounded-query.js';
import type { Clock } from '../session/clock.js';
import { isExpired, touchDue } from '../session/lifetimes.js';
import { createPgStore, type CachedSession } from '../session/pg-store.js';
import type { SessionReadCache } from '../session/read-cache.js';
import { destroySession, regenerateSession } from '../auth/session-data.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The browser's session ended by timeout in this request (→ 401 session_expired). */
    sessionExpired?: boolean;
  }
}

/** 256 random bits per session id (the cookie also carries an HMAC signature with SESSION_SECRET). */
export const newSessionId = () => randomBytes(32).toString('base64url');

export function sessionMiddleware(config: BffConfig['session'], query: Query, cache: SessionReadCache<CachedSession>, logger: Logger): RequestHandler {
  const store = createPgStore(query, config, cache, (...args: unknown[]) => logger.error({ args }, 'session store error'));
  return session({
    name: config.cookieName,
    secret: config.secret,
    store,
    genid: newSessionId,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    // 'keep': a request whose session could not be loaded (store down) must not delete it at the end.
    unset: 'keep',
    // Expires = the absolute lifetime; the idle timeout is enforced on the server (lifetimeGuard).
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secure, path: '/', maxAge: config.absoluteLifetimeSeconds * 1000 },
  });
}

/** Ends sessions past their idle or absolute deadline and moves "last seen" at most once a minute. */
export function lifetimeGuard(config: BffConfig['session'], clock: Clock): RequestHandler {
  const end = async (req: Request, res: Response, next: NextFunction, signedIn: boolean) => {
    res.locals.sessionExpired = signedIn;
    await regenerateSession(req); // the row is deleted; an empty, unsaved session replaces it
    res.clearCookie(config.cookieName, { httpOnly: true, sameSite: 'lax', secure: config.secure, path: '/' });
    next();
  };
  return (req, res, next) => {
    const s = req.session;
    if (!s?.createdAt || !s.lastSeenAt) return next();
    const times = { createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, signedIn: Boolean(s.user) };
    const now = clock();
    if (isExpired(times, config, now)) return end(req, res, next, times.signedIn);
    if (times.signedIn && touchDue(times, now)) s.lastSeenAt = now; // saved at the end of the request
    return next();
  };
}

export { destroySession };
