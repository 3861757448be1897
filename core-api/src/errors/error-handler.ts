import type { ErrorBody } from '@co2/contracts';
import type { ErrorRequestHandler } from 'express';
import { createError, isAppError, type AppError } from './create-error.js';
import { ErrorCode } from './error-code.js';
import { errors } from './catalogue.js';

export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
  /** True when the error was unexpected: it is logged and hidden behind `internal_error`. */
  unexpected: boolean;
}

/** Errors raised by body-parser carry a `type`; map the ones a client can cause to catalogue errors. */
function fromBodyParser(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  switch ((err as { type: unknown }).type) {
    case 'entity.parse.failed':
      return errors.invalidJson();
    case 'entity.too.large':
      return createError(ErrorCode.PayloadTooLarge, 'The request body is too large', 413);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return createError(ErrorCode.UnsupportedMediaType, 'Unsupported body encoding or charset', 415);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return createError(ErrorCode.BadRequest, 'The request body could not be read', 400);
    default:
      return undefined;
  }
}

/** Turns any thrown value into the portal's error shape. Never exposes messages of unexpected errors. */
export function renderError(err: unknown): RenderedError {
  const known = isAppError(err) ? err : fromBodyParser(err);
  if (!known) {
    return {
      status: 500,
      headers: {},
      body: { error: { code: ErrorCode.Internal, message: 'Internal server error' } },
      unexpected: true,
    };
  }
  const error: ErrorBody['error'] = { code: known.code, message: known.message };
  if (known.details) error.details = known.details;
  return { status: known.status, headers: known.headers, body: { error }, unexpected: false };
}

/** The one error middleware of the app (mounted last). */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const rendered = renderError(err);
  if (rendered.unexpected) req.log?.error({ err }, 'unexpected error');
  else if (rendered.status >= 500) req.log?.warn({ err, code: rendered.body.error.code }, rendered.body.error.message);
  res.status(rendered.status).set(rendered.headers).json(rendered.body);
};
