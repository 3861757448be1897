// Request-forgery defences for /api, /auth and /bff (see docs/adr/0003-bff-security.md):
// - `Sec-Fetch-Site` other than same-origin/none is refused when present (GET /auth/login excepted: a
//   sign-in link may live on another site);
// - every non-safe method needs `X-CSRF: 1`, which a cross-site form cannot send and a cross-site fetch
//   cannot send without a CORS preflight the BFF never grants.
// Exempt: the provider's callback (a cross-site top-level GET by design) and the back-channel logout
// endpoint (a server-to-server POST authenticated by its signed logout_token).
import type { RequestHandler } from 'express';
import { sendError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EXEMPT = new Set(['/auth/callback', '/auth/backchannel-logout']);
const CROSS_SITE_ALLOWED = new Set(['/auth/login']);
const TRUSTED_FETCH_SITES = new Set(['same-origin', 'none']);

export function requestForgeryGuard(): RequestHandler {
  return (req, res, next) => {
    const url = req.originalUrl;
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (EXEMPT.has(path)) return next();
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && !TRUSTED_FETCH_SITES.has(site.toLowerCase()) && !(SAFE_METHODS.has(req.method) && CROSS_SITE_ALLOWED.has(path))) {
      return sendError(res, 'cross_site_request', `Sec-Fetch-Site: ${site.slice(0, 20)} is refused`);
    }
    if (SAFE_METHODS.has(req.method) || req.headers['x-csrf'] === '1') return next();
    return sendError(res, 'csrf_required');
  };
}
