import type { ErrorBody } from '@co2/contracts';

type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/** Codes the client produces itself (the server's codes come from its error catalogue). */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
  unexpectedResponse: 'unexpected_response',
} as const;

/** Every failed API call rejects with this: the server's `{ error: { code, message, details } }` or a client-side code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(options: { status: number; code: string; message: string; details?: ErrorDetail[]; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
