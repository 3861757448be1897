// /api/* → core-api: allowlist, session access token as Bearer, browser cookies and credentials removed.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { Router, type RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { destroySession } from '../auth/session-data.js';
import type { TokenRefresher } from '../auth/tokens.js';
import type { BffConfig } from '../config.js';
import { errorBody, sendError } from '../errors.js';
import { requireCsrfHeader } from './csrf.js';

const PUBLIC_PATHS = /^\/(openapi\.json|docs(\/.*)?)$/;
const PROTECTED_PATHS = /^\/v1\/./;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Decides which /api paths exist and attaches the session's access token to /api/v1. */
function gate(refresher: TokenRefresher): RequestHandler {
  return async (req, res, next) => {
    const path = decodedPath(req.path); // relative to /api
    const isPublic = path !== undefined && PUBLIC_PATHS.test(path);
    const isProtected = path !== undefined && PROTECTED_PATHS.test(path);
    if ((!isPublic && !isProtected) || DOT_SEGMENT.test(path ?? '') || (path ?? '').includes('\\')) {
      return sendError(res, 'not_found', `No API route ${req.method} /api${req.path}`);
    }
    delete req.headers.cookie;
    delete req.headers.authorization;
    if (isProtected) {
      const tokens = await refresher.freshTokens(req);
      if (!tokens) {
        if (req.session.user) await destroySession(req); // refresh refused: the session is over
        return sendError(res, 'unauthenticated');
      }
      req.headers.authorization = `Bearer ${tokens.accessToken}`;
    }
    return next();
  };
}

function upstreamProxy(config: BffConfig['coreApi']): RequestHandler {
  const target = new URL(`${config.url}/api`);
  const timedOut = new WeakSet<IncomingMessage>();
  const agent = target.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  return createProxyMiddleware<IncomingMessage>({
    target: target.href,
    changeOrigin: true,
    xfwd: true,
    agent,
    proxyTimeout: config.timeoutMs,
    on: {
      proxyReq(proxyReq, req) {
        proxyReq.on('timeout', () => timedOut.add(req));
      },
      error(err, req, res) {
        if (!('writeHead' in res)) return void res.destroy();
        if (res.headersSent) return void res.end();
        const status = timedOut.has(req) || (err as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? 504 : 502;
        const message = status === 504 ? 'The core API did not answer in time' : 'The core API is unavailable';
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(errorBody('upstream_unavailable', message)));
      },
    },
  });
}

/** Mounted at /api; nothing parses the body before the proxy. */
export function apiProxy(config: BffConfig, refresher: TokenRefresher): Router {
  const router = Router();
  router.use(requireCsrfHeader(), gate(refresher), upstreamProxy(config.coreApi));
  return router;
}
