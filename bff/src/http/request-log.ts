// Request ids and request logs, cheap enough for every proxied call: the id is taken from a well-formed
// incoming X-Request-Id or created, answered in X-Request-Id and forwarded to core-api; `req.log` is a child
// logger bound to the id, created only when something logs; one line per finished request at info (when
// enabled) and at error for 5xx. Headers are never logged (no cookies, no tokens).
// Replaces pino-http, which built and serialized a child logger with the request's headers on every request
// even with info disabled (about 6 % of the BFF's CPU per proxied GET; docs/adr/0003-bff-security.md).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';
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
const STARTED = Symbol('request started');
const CHILD = Symbol('request logger');

type Logged = IncomingMessage & { [CHILD]?: Logger };

export function requestLog(logger: Logger): RequestHandler {
  // Per app, not per request: `req.log` is a getter of the requests' prototype (Express's, see server.ts),
  // and one 'close' listener function serves every response.
  let installedOn: object | undefined;
  const install = (prototype: object) => {
    Object.defineProperty(prototype, 'log', {
      configurable: true,
      get(this: Logged) {
        return (this[CHILD] ??= logger.child({ req: { id: this.id } }));
      },
    });
    installedOn = prototype;
  };
  function finished(this: Response & { [STARTED]: number }) {
    const status = this.statusCode;
    const level = status >= 500 || !this.writableFinished ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const { id, method, originalUrl } = this.req;
    const line = { req: { id, method, url: originalUrl.split('?')[0] }, res: { statusCode: status }, responseTime: Math.round(performance.now() - this[STARTED]) };
    logger[level](line, this.writableFinished ? 'request completed' : 'request aborted');
  }
  return (req, res, next) => {
    const prototype = Object.getPrototypeOf(req) as object;
    if (prototype !== installedOn) install(prototype);
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = id; // forwarded to core-api by the proxy
    res.setHeader('X-Request-Id', id);
    req.id = id;
    (res as Response & { [STARTED]: number })[STARTED] = performance.now();
    res.on('close', finished);
    next();
  };
}
