import type { BffSessionList } from '@co2/contracts';
import { ApiError, createApiClient, readErrorBody } from '@co2/shell-sdk';
import type { Contracts } from '../contracts.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type SessionRow = BffSessionList['sessions'][number];

/**
 * The BFF's session routes (README of bff): list mine, end one, end all others, and the administrator's "end
 * every session of a user". Writes carry the CSRF header (the SDK client adds it to every non-GET request).
 */
export function sessionsApi(contracts: () => Promise<Contracts>, fetch?: FetchLike) {
  const api = createApiClient({ baseUrl: '', ...(fetch ? { fetch } : {}) });
  const doFetch: FetchLike = fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async list(): Promise<SessionRow[]> {
      const { BffSessionList } = await contracts();
      return (await api.get('/bff/sessions', BffSessionList)).sessions;
    },
    async end(id: string): Promise<void> {
      // 204 without a body: the SDK client parses a body, so this one request is sent as is.
      const url = `/bff/sessions/${encodeURIComponent(id)}`;
      const response = await doFetch(url, { method: 'DELETE', headers: { Accept: 'application/json', 'X-CSRF': '1' }, credentials: 'same-origin' });
      if (response.ok) return;
      const body = readErrorBody(await response.json().catch(() => undefined));
      throw new ApiError({ status: response.status, code: body?.code ?? 'unexpected_response', message: body?.message ?? `HTTP ${response.status}` });
    },
    async endOthers(): Promise<number> {
      const { BffSessionsEnded } = await contracts();
      return (await api.post('/bff/sessions/revoke-others', BffSessionsEnded)).ended;
    },
    async endAllOf(sub: string): Promise<number> {
      const { BffSessionsEnded } = await contracts();
      return (await api.delete(`/bff/users/${encodeURIComponent(sub)}/sessions`, BffSessionsEnded)).ended;
    },
  };
}

/** A user agent in words: "Firefox on Windows", "Chrome on Android"… (null when unknown). */
export function describeUserAgent(userAgent: string | null): { browser: string | null; os: string | null } {
  if (!userAgent) return { browser: null, os: null };
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /HeadlessChrome\//.test(ua)
          ? 'Chrome (headless)'
          : /Chrome\/|CriOS\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : /curl\//i.test(ua)
                ? 'curl'
                : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  return { browser, os };
}
