// Helpers of the back-office portal tests: the API as the signed-in browser sees it (GET and writes with the CSRF header).
import type { BrowserContext } from 'playwright-core';

/** GET through the BFF with the page's session cookie, parsed with its contract. */
export async function apiGet<T>(context: BrowserContext, portalUrl: string, path: string, parse: (v: unknown) => T): Promise<T> {
  const res = await context.request.get(`${portalUrl}${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return parse(await res.json());
}

/** A write through the BFF (it asks non-safe methods for `X-CSRF: 1`). */
export async function apiSend<T>(context: BrowserContext, portalUrl: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, parse: (v: unknown) => T): Promise<T> {
  const res = await context.request.fetch(`${portalUrl}${path}`, { method, data: body, headers: { 'x-csrf': '1', 'content-type': 'application/json' } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return parse(await res.json());
}
