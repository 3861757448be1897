import type { ErrorDetail } from '@co2/contracts';
import type { ErrorCode } from './error-code.js';

export interface AppErrorOptions {
  details?: ErrorDetail[];
  /** Response headers that belong to the error, e.g. `WWW-Authenticate`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error whose code, message and details are safe to show to the caller. */
export class AppError extends Error {
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export function createError(code: ErrorCode, message: string, status: number, options?: AppErrorOptions): AppError {
  return new AppError(code, message, status, options);
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
