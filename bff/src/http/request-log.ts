// Request ids and request logs, cheap enough for every proxied call: the id is taken from a well-formed
// incoming X-Request-Id or created, answered in X-Request-Id and forwarded to core-api; `req.log` is a child
// logger bound to the id, created only when something logs; one line per finished request at info (when
// enabled) and at error for 5xx. Headers are never logged (no cookies, no tokens).
// Replaces pino-http, which built and serialized a child logger with the request's headers on every request
// even with info disabled (about 6 % of the BFF's CPU per proxied GET; docs/adr/0003-bff-security.md).
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id (X-Request-Id). */
    id: string;
    /** A logger bound to the request id. */
    log: Logger;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = id; // forwarded to core-api by the proxy
    res.setHeader('X-Request-Id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, get: () => (child ??= logger.child({ req: { id } })) });
    const started = performance.now();
    const { method, originalUrl } = req;
    res.once('close', () => {
      const status = res.statusCode;
      const level = status >= 500 || !res.writableFinished ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = { req: { id, method, url: originalUrl.split('?')[0] }, res: { statusCode: status }, responseTime: Math.round(performance.now() - started) };
      logger[level](line, res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
