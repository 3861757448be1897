// Per-client-IP rate limit on /auth/* (429 + Retry-After). The counters live in memory, per BFF instance:
// with N instances a client gets up to N × max; a shared store (Redis, Postgres) would make it global.
// The client IP is `req.ip`, so TRUST_PROXY must be set behind a proxy (else every client is the proxy).
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { BffConfig } from '../config.js';
import { errorBody } from '../errors.js';

export function authRateLimit({ max, windowSeconds }: BffConfig['authRateLimit']): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit: max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, res) => {
      res.status(429).set('Cache-Control', 'no-store').json(errorBody('rate_limited'));
    },
  });
}
