// CSRF guard for state-changing requests: the shell's API client sends `X-CSRF: 1`, which a cross-site
// form cannot (and a cross-site fetch cannot without a CORS preflight the BFF never grants).
import type { RequestHandler } from 'express';
import { sendError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** Also accept requests whose `Origin` header is this origin (plain HTML form posts, e.g. a logout form). */
  allowSameOriginForms?: string;
}

export function requireCsrfHeader(options: CsrfOptions = {}): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get('x-csrf') === '1') return next();
    if (options.allowSameOriginForms && req.get('origin') === options.allowSameOriginForms) return next();
    return sendError(res, 'csrf_required');
  };
}
