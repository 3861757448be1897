// The BFF's error catalogue: every error response is `{ error: { code, message } }` (ErrorBody).
import type { ErrorBody } from '@co2/contracts';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export const ERRORS = {
  unauthenticated: { status: 401, message: 'Sign in first' },
  session_expired: { status: 401, message: 'The session has ended; sign in again' },
  csrf_required: { status: 403, message: 'Missing header X-CSRF: 1' },
  cross_site_request: { status: 403, message: 'Cross-site requests are refused' },
  forbidden: { status: 403, message: 'Not allowed' },
  method_not_allowed: { status: 405, message: 'Method not allowed' },
  rate_limited: { status: 429, message: 'Too many requests; try again later' },
  session_not_found: { status: 404, message: 'No such session' },
  invalid_logout_token: { status: 400, message: 'Invalid logout_token' },
  session_store_unavailable: { status: 503, message: 'The session store is unavailable; try again shortly' },
  bad_request: { status: 400, message: 'Bad request' },
  remote_not_found: { status: 404, message: 'No such remote' },
  version_not_found: { status: 404, message: 'No such version of this remote' },
  version_conflict: { status: 409, message: 'This version was published already with other files' },
  no_previous_version: { status: 409, message: 'There is no previous version to roll back to' },
  invalid_publish_token: { status: 401, message: 'Missing, unknown or revoked publish token' },
  publish_refused: { status: 422, message: 'The artifact was refused' },
  payload_too_large: { status: 413, message: 'The request body is too large' },
  not_found: { status: 404, message: 'Not found' },
  login_expired: { status: 400, message: 'No sign-in is pending for this browser (expired or already used); start again at /auth/login' },
  login_failed: { status: 400, message: 'Sign-in failed' },
  idp_unavailable: { status: 503, message: 'The identity provider is unavailable' },
  upstream_unavailable: { status: 502, message: 'The core API is unavailable' },
  internal_error: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class BffError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly status: number = ERRORS[code].status,
  ) {
    super(message);
    this.name = 'BffError';
  }
}

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message): ErrorBody {
  return { error: { code, message } };
}

export function sendError(res: Response, code: ErrorCode, message?: string, status: number = ERRORS[code].status): void {
  res.status(status).set('Cache-Control', 'no-store').json(errorBody(code, message));
}

export const notFound: RequestHandler = (req, res) => sendError(res, 'not_found', `No route for ${req.method} ${req.path}`);

/** Renders BffErrors as they are and anything else as a 500 without internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof BffError) {
    if (err.code === 'session_store_unavailable') res.set('Retry-After', '5');
    return sendError(res, err.code, err.message, err.status);
  }
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 404) return sendError(res, 'not_found', `No route for ${req.method} ${req.path}`);
  if (status === 500) req.log?.error({ err }, 'request failed');
  return status === 500 ? sendError(res, 'internal_error') : sendError(res, 'bad_request', undefined, status);
};
