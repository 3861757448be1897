// Test helpers for remotes and the shell: a fake `fetch` answering fixed JSON per "METHOD /path".
export interface FakeRoute {
  status?: number;
  body?: unknown;
}

export interface FakeFetch {
  (input: string, init: RequestInit): Promise<Response>;
  calls: { url: string; init: RequestInit }[];
}

/** `fakeFetch({ 'GET /api/v1/me': { body: me } })`; unknown routes answer 404 with an error body. */
export function fakeFetch(routes: Record<string, FakeRoute | (() => Promise<Response>)>): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    const route = routes[`${init.method ?? 'GET'} ${url}`];
    if (typeof route === 'function') return route();
    if (!route) return jsonResponse(404, { error: { code: 'not_found', message: `No route ${url}` } });
    return jsonResponse(route.status ?? 200, route.body);
  };
  return Object.assign(fn, { calls });
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}
