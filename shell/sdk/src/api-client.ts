import type { z } from '@co2/contracts/zod';
import { ApiError, CLIENT_ERROR_CODES } from './api-error.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type Schema<T> = z.ZodType<T>;

export interface ApiClientOptions {
  /** Prefix of every path, default `/api` (the BFF proxies it to core-api). */
  baseUrl?: string;
  /** Injected in tests; defaults to the global `fetch`. */
  fetch?: FetchLike;
}

/** What a remote uses to talk to the portal's API: every response is parsed with the given contract schema. */
export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string, schema: Schema<T>): Promise<T>;
  post<T>(path: string, schema: Schema<T>, body?: unknown): Promise<T>;
  put<T>(path: string, schema: Schema<T>, body?: unknown): Promise<T>;
  patch<T>(path: string, schema: Schema<T>, body?: unknown): Promise<T>;
  delete<T>(path: string, schema: Schema<T>, body?: unknown): Promise<T>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: Method, path: string, schema: Schema<T>, body?: unknown): Promise<T> {
    const url = joinUrl(baseUrl, path);
    const response = await send(doFetch, url, requestInit(method, body));
    const payload = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, payload);
    const parsed = schema.safeParse(payload.kind === 'json' ? payload.value : undefined);
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: `Response of ${method} ${url} does not match its contract`,
        details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
      });
    }
    return parsed.data;
  }

  return {
    baseUrl,
    get: (path, schema) => request('GET', path, schema),
    post: (path, schema, body) => request('POST', path, schema, body),
    put: (path, schema, body) => request('PUT', path, schema, body),
    patch: (path, schema, body) => request('PATCH', path, schema, body),
    delete: (path, schema, body) => request('DELETE', path, schema, body),
  };
}

export function joinUrl(baseUrl: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new TypeError(`API paths are relative to the API base, got an absolute URL: ${path}`);
  }
  return `${baseUrl}/${path.replace(/^\/+/, '')}`;
}

function requestInit(method: Method, body: unknown): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The BFF rejects state-changing requests without this header (CSRF defence for cookie sessions).
  if (method !== 'GET') headers['X-CSRF'] = '1';
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return init;
}

async function send(doFetch: FetchLike, url: string, init: RequestInit): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (cause) {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: `Network error on ${init.method} ${url}`, cause });
  }
}

type Payload = { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'not-json'; text: string };

async function readJson(response: Response): Promise<Payload> {
  const text = await response.text();
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json', text };
  }
}

function errorFromResponse(status: number, payload: Payload): ApiError {
  const body = payload.kind === 'json' ? readErrorBody(payload.value) : null;
  if (body) return new ApiError({ status, ...body });
  return new ApiError({
    status,
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    message: `HTTP ${status} without an error body`,
  });
}

/**
 * Checks the `ErrorBody` contract structurally. The SDK deliberately has no runtime dependency on
 * `@co2/contracts` (zod): the shell's first screen stays small and the contracts share stays lazy.
 * `test/api-error-contract.test.ts` keeps this check and the contract in agreement.
 */
export function readErrorBody(value: unknown): Pick<ApiError, 'code' | 'message' | 'details'> | null {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, message, details } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (details === undefined) return { code, message, details: [] };
  if (!Array.isArray(details) || !details.every((d) => isRecord(d) && typeof d.path === 'string' && typeof d.message === 'string')) return null;
  return { code, message, details: details.map((d: { path: string; message: string }) => ({ path: d.path, message: d.message })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
