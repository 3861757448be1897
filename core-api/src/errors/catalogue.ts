import type { ErrorDetail } from '@co2/contracts';
import { createError } from './create-error.js';
import { ErrorCode } from './error-code.js';

const REALM = 'Bearer realm="core-api"';

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

/** The catalogue: every error the domain and transport layers throw, built in one place. */
export const errors = {
  validationFailed: (details: ErrorDetail[]) =>
    createError(
      ErrorCode.ValidationFailed,
      `Invalid request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      400,
      { details },
    ),
  invalidJson: () => createError(ErrorCode.InvalidJson, 'The request body is not valid JSON', 400),
  unauthenticated: () =>
    createError(ErrorCode.Unauthenticated, 'An access token is required (Authorization: Bearer <token>)', 401, {
      headers: { 'WWW-Authenticate': REALM },
    }),
  invalidToken: (reason: string) =>
    createError(ErrorCode.InvalidToken, `The access token is not valid: ${reason}`, 401, {
      headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="${reason.replace(/"/g, "'")}"` },
    }),
  forbidden: (what: string) => createError(ErrorCode.Forbidden, `Not allowed: ${what}`, 403),
  notFound: (what: string) => createError(ErrorCode.NotFound, `Not found: ${what}`, 404),
  conflict: (what: string) => createError(ErrorCode.Conflict, `Conflicts with the current state: ${what}`, 409),
  moduleDisabled: (what: string, year: number) => createError(ErrorCode.ModuleDisabled, `${what} is disabled for ${year} (year configuration)`, 422),
  payloadTooLarge: (limitBytes: number) =>
    createError(ErrorCode.PayloadTooLarge, `The upload is larger than the limit of ${formatBytes(limitBytes)}`, 413),
  unsupportedMediaType: (message: string) => createError(ErrorCode.UnsupportedMediaType, message, 415),
  yearClosed: (year: number) => createError(ErrorCode.YearClosed, `The year ${year} is not open for data entry`, 422),
  authUnavailable: (cause: unknown) =>
    createError(ErrorCode.AuthUnavailable, 'The identity provider cannot be reached; try again later', 503, {
      cause,
      headers: { 'Retry-After': '5' },
    }),
  databaseUnavailable: (cause: unknown) =>
    createError(ErrorCode.DatabaseUnavailable, 'The database cannot be reached', 503, { cause }),
};
