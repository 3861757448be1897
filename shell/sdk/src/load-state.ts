import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

/** State of one fetch shown by a page: loading, ready with data, or failed with a typed error. */
export type LoadState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

/** Anything thrown while loading, as an ApiError (non-API failures become `unexpected_response`, status 0). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 0, code: CLIENT_ERROR_CODES.unexpectedResponse, message, cause: error });
}

/** Runs a loader and reports its outcome as a LoadState (never rejects). */
export async function settle<T>(load: () => Promise<T>): Promise<LoadState<T>> {
  try {
    return { status: 'ready', data: await load() };
  } catch (error) {
    return { status: 'error', error: toApiError(error) };
  }
}
