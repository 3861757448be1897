import type { BffUser } from '@co2/contracts';
import { createApiClient, readErrorBody } from '@co2/shell-sdk';
import type { Contracts } from '../contracts.js';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SessionDeps {
  fetch?: FetchLike;
  /** Where the zod contracts come from (the federation share scope in the browser). */
  contracts: () => Promise<Contracts>;
}

export type Session = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: BffUser } | { status: 'error'; message: string };

/**
 * `GET /bff/user`: 401 means signed out. The contract (zod) is loaded only when a user came back, so a
 * signed-out visitor's first screen does not download it.
 */
export async function loadSession({ fetch = globalThis.fetch.bind(globalThis), contracts }: SessionDeps): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/bff/user', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 401) {
    // Read the body to its end: an unread body keeps the request open in Chromium (the page never reaches
    // network idle).
    await response.arrayBuffer().catch(() => undefined);
    return { status: 'signed-out' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return { status: 'error', message: readErrorBody(body)?.message ?? `HTTP ${response.status}` };
  const { BffUser } = await contracts();
  const parsed = BffUser.safeParse(body);
  if (!parsed.success) return { status: 'error', message: 'The session response does not match the BffUser contract' };
  return { status: 'signed-in', user: parsed.data };
}

/** Where the sign-in button goes: the BFF's login, coming back to the page the visitor is on. */
export function signInUrl(currentPath: string): string {
  const returnTo = currentPath.startsWith('/') && !currentPath.startsWith('//') ? currentPath : '/';
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** `POST /auth/logout` (with the CSRF header) and the URL to leave for: the identity provider's end-session page. */
export async function signOut({ fetch, contracts }: SessionDeps): Promise<string> {
  const { LogoutResult } = await contracts();
  const api = createApiClient({ baseUrl: '', ...(fetch ? { fetch } : {}) });
  const { endSessionUrl } = await api.post('/auth/logout', LogoutResult);
  return endSessionUrl;
}
