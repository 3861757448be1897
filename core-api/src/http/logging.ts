import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { assignRequestId } from './request-id.js';

/** JSON access log per request with its request id; credentials never reach the log. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: assignRequestId,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
