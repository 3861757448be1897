import type { z } from '@co2/contracts/zod';
import { joinUrl, readErrorBody } from './api-client.js';
import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

/** Bytes of the request body sent so far; `total` is null when the browser cannot tell. */
export interface UploadProgress {
  loaded: number;
  total: number | null;
}

export interface UploadOptions {
  /** Called as the browser sends the body (XMLHttpRequest upload events: `fetch` cannot report them). */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting rejects with `ApiError` code `upload_aborted`. */
  signal?: AbortSignal;
  /** Injected in tests; defaults to the global `XMLHttpRequest`. */
  createRequest?: () => XMLHttpRequest;
}

export const UPLOAD_ABORTED = 'upload_aborted';

/**
 * POSTs a multipart form (files included) to the API with upload progress, and parses the JSON answer with
 * the contract schema. Same conventions as `createApiClient`: `X-CSRF` header, same-origin cookies, errors
 * as `ApiError` with the server's `{ error: { code, message, details } }`.
 */
export function postForm<T>(baseUrl: string, path: string, schema: z.ZodType<T>, form: FormData, options: UploadOptions = {}): Promise<T> {
  const url = joinUrl(baseUrl.replace(/\/+$/, ''), path);
  const xhr = options.createRequest?.() ?? new XMLHttpRequest();
  return new Promise<T>((resolve, reject) => {
    const fail = (error: ApiError) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = () => xhr.abort();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    // The BFF rejects state-changing requests without this header (CSRF defence for cookie sessions).
    xhr.setRequestHeader('X-CSRF', '1');
    xhr.upload.addEventListener('progress', (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    });
    xhr.addEventListener('load', () => {
      options.signal?.removeEventListener('abort', onAbort);
      const result = readAnswer(xhr.status, xhr.responseText, schema, url);
      if (result.ok) resolve(result.value);
      else reject(result.error);
    });
    xhr.addEventListener('error', () => fail(new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: `Network error on POST ${url}` })));
    xhr.addEventListener('abort', () => fail(new ApiError({ status: 0, code: UPLOAD_ABORTED, message: `Upload to ${url} was cancelled` })));
    if (options.signal?.aborted) {
      fail(new ApiError({ status: 0, code: UPLOAD_ABORTED, message: `Upload to ${url} was cancelled` }));
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: ApiError };

function readAnswer<T>(status: number, text: string, schema: z.ZodType<T>, url: string): Answer<T> {
  let json: unknown;
  let isJson = false;
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text) as unknown;
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (status < 200 || status >= 300) {
    const body = isJson ? readErrorBody(json) : null;
    if (body) return { ok: false, error: new ApiError({ status, ...body }) };
    return { ok: false, error: new ApiError({ status, code: CLIENT_ERROR_CODES.unexpectedResponse, message: `HTTP ${status} without an error body` }) };
  }
  const parsed = schema.safeParse(isJson ? json : undefined);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: new ApiError({
      status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: `Response of POST ${url} does not match its contract`,
      details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
    }),
  };
}

/** Percentage 0–100 of an upload, or null when the browser does not know the total (an indeterminate bar). */
export function uploadPercent(loaded: number, total: number | null): number | null {
  return total ? Math.round(Math.min(100, Math.max(0, (loaded / total) * 100))) : null;
}
