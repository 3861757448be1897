// /api/* → core-api: allowlist of paths and methods, the session's access token as Bearer, the browser's
// Cookie and Authorization removed, no Set-Cookie or CORS headers back, keep-alive agent, timeouts.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware, debugProxyErrorsPlugin, proxyEventsPlugin } from 'http-proxy-middleware';
import { requireSignedIn } from '../auth/signed-in.js';
import type { TokenRefresher } from '../auth/tokens.js';
import type { BffConfig } from '../config.js';
import { errorBody, sendError } from '../errors.js';
import { apiAllowlist } from './api-allowlist.js';
import { series } from './series.js';

/** Decides which /api requests exist and attaches the session's access token to the protected ones. */
function gate(config: BffConfig['coreApi'], refresher: TokenRefresher): RequestHandler {
  const verdict = apiAllowlist(config.routes);
  const forward = (req: Request, res: Response, next: NextFunction, accessToken?: string) => {
    delete req.headers.cookie;
    delete req.headers.authorization;
    res.setHeader('Cache-Control', 'no-store'); // unless core-api answers with its own
    if (accessToken) req.headers.authorization = `Bearer ${accessToken}`;
    next();
  };
  return (req, res, next) => {
    const path = `/api${req.path}`;
    const v = verdict(req.method, path);
    if (v.kind === 'not_found') return sendError(res, 'not_found', `No API route ${req.method} ${path}`);
    if (v.kind === 'method_not_allowed') {
      res.set('Allow', v.allow.join(', '));
      return sendError(res, 'method_not_allowed', `${req.method} is not allowed on ${path}`);
    }
    if (v.kind !== 'protected') return forward(req, res, next);
    // Most calls: a signed-in session whose access token is good as it is, answered without a promise.
    const ready = req.session?.user ? refresher.usableTokens(req) : undefined;
    if (ready) return forward(req, res, next, ready.accessToken);
    return requireSignedIn(req, res, refresher).then((signedIn) => forward(req, res, next, signedIn.tokens.accessToken));
  };
}

const STRIPPED_RESPONSE_HEADERS = /^(set-cookie|access-control-.*|content-security-policy|strict-transport-security)$/i;

function upstreamProxy(config: BffConfig['coreApi']): RequestHandler {
  const target = new URL(`${config.url}/api`);
  const timedOut = new WeakSet<IncomingMessage>();
  // As many idle sockets kept as may be open: a smaller pool closes and reopens connections under load.
  const agentOptions = { keepAlive: true, maxSockets: 64, maxFreeSockets: 64 };
  const agent = target.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  return createProxyMiddleware<IncomingMessage>({
    target: target.href,
    changeOrigin: true,
    xfwd: true,
    agent,
    proxyTimeout: config.timeoutMs,
    // Without the default logger plugin (it built a URL for every response to log it nowhere): socket-error
    // guards and the `on` handlers below only.
    ejectPlugins: true,
    plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
    on: {
      proxyReq(proxyReq, req) {
        proxyReq.on('timeout', () => timedOut.add(req));
      },
      proxyRes(proxyRes) {
        for (const name of Object.keys(proxyRes.headers)) if (STRIPPED_RESPONSE_HEADERS.test(name)) delete proxyRes.headers[name];
      },
      error(err, req, res) {
        if (!('writeHead' in res)) return void res.destroy();
        if (res.headersSent) return void res.end();
        const status = timedOut.has(req) || (err as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? 504 : 502;
        const message = status === 504 ? 'The core API did not answer in time' : 'The core API is unavailable';
        (req as IncomingMessage & { log?: { warn(o: object, m: string): void } }).log?.warn({ err, status }, 'core-api request failed');
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(errorBody('upstream_unavailable', message)));
      },
    },
  });
}

/**
 * Mounted at /api, ahead of the other routes: the forgery guard, the session (for /api/v1 only: the public
 * documents keep working while the session store is down), the gate and the proxy. Nothing parses the body.
 * One Express layer (series.ts): this is the path of every API call.
 */
export function apiProxy(config: BffConfig, refresher: TokenRefresher, before: { forgeryGuard: RequestHandler; session: RequestHandler[] }): RequestHandler {
  const withSession = series(before.forgeryGuard, ...before.session, gate(config.coreApi, refresher), upstreamProxy(config.coreApi));
  const withoutSession = series(before.forgeryGuard, gate(config.coreApi, refresher), upstreamProxy(config.coreApi));
  const isV1 = (path: string) => path.startsWith('/v1') && (path.length === 3 || path.charCodeAt(3) === 47); // "/v1" or "/v1/…"
  return (req, res, next) => (isV1(req.path) ? withSession : withoutSession)(req, res, next);
}
