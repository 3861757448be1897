import type { PortalMountProps } from './mount-props.js';
import type { PortalNavigation } from './navigation.js';
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

/** A `GET /api/v1/me` body (valid against the `Me` contract; checked in the SDK's tests). */
export const meFixture = {
  id: '7d9a3f0e-3c1b-4f7a-9a59-0c3f8e2b1a11',
  subject: 'principal',
  email: 'principal@example.org',
  displayName: 'Pat Principal',
  roles: [{ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } }],
  units: [{ code: 'LAB-CARBON', name: 'Carbon Lab', level: 4, parentCode: 'ENV-CLIM' }],
};

/** A `GET /api/v1/units` body (valid against the `UnitList` contract). */
export const unitListFixture = {
  units: [
    unitFixture('UNIV', 'Demo University', 'Université de démonstration', 'Demo-Universität', 1, null, ['UNIV']),
    unitFixture('ENV', 'Faculty of Environment', 'Faculté de l’environnement', null, 2, 'UNIV', ['UNIV', 'ENV']),
    unitFixture('LAB-CARBON', 'Carbon Lab', 'Laboratoire carbone', 'Kohlenstofflabor', 4, 'ENV-CLIM', ['UNIV', 'ENV', 'ENV-CLIM', 'LAB-CARBON']),
  ],
};

function unitFixture(code: string, name: string, nameFr: string, nameDe: string | null, level: number, parentCode: string | null, path: string[]) {
  const id = `00000000-0000-4000-8000-${code.split('').reduce((n, c) => n + c.charCodeAt(0), 0).toString().padStart(12, '0')}`;
  return { id, code, name, nameFr, nameDe, level, parentCode, path, active: true };
}

/** The three single-spa lifecycle functions a remote exposes as `./lifecycle`. */
export interface RemoteLifecycle<P> {
  bootstrap(props: P): Promise<unknown>;
  mount(props: P): Promise<unknown>;
  unmount(props: P): Promise<unknown>;
}

export interface MountedRemote {
  domElement: HTMLElement;
  /** Text of the element with `data-testid`, or null. */
  text(testId: string): string | null;
  unmount(): Promise<void>;
}

/** A `PortalNavigation` over an in-memory history stack (what the shell's router does in the browser), for tests. */
export interface MemoryNavigation extends PortalNavigation {
  /** Every entry of the stack, oldest first. */
  stack(): string[];
  /** `push <path>` / `replace <path>` in call order. */
  calls: string[];
  listenerCount(): number;
}

export function createMemoryNavigation(start: string, href: (to: string) => string = (to) => to): MemoryNavigation {
  const stack = [start];
  let index = 0;
  const listeners = new Set<(location: string) => void>();
  const calls: string[] = [];
  const notify = () => listeners.forEach((listener) => listener(stack[index] ?? '/'));
  return {
    get location() {
      return stack[index] ?? '/';
    },
    push(to) {
      calls.push(`push ${to}`);
      stack.splice(index + 1, stack.length, to);
      index += 1;
      notify();
    },
    replace(to) {
      calls.push(`replace ${to}`);
      stack[index] = to;
      notify();
    },
    go(delta) {
      index = Math.max(0, Math.min(stack.length - 1, index + delta));
      notify();
    },
    href,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stack: () => [...stack],
    calls,
    listenerCount: () => listeners.size,
  };
}

/**
 * Mounts a remote's real lifecycle the way the shell does (URL at `path`, portal props, own element), for
 * lifecycle tests of remotes. Without a `navigation` prop the remote gets an in-memory one starting at `path`.
 * `settle` lets the caller flush pending promises (e.g. `flushPromises`).
 */
export async function mountRemote<P extends PortalMountProps>(
  lifecycle: RemoteLifecycle<P>,
  props: Omit<P, 'navigation' | 'refreshContext'> & Partial<Pick<P, 'navigation' | 'refreshContext'>>,
  { path, settle }: { path: string; settle: () => Promise<unknown> },
): Promise<MountedRemote & { navigation: PortalNavigation }> {
  window.history.replaceState(null, '', path);
  const domElement = document.createElement('div');
  document.body.appendChild(domElement);
  const navigation = props.navigation ?? createMemoryNavigation(path);
  const full = { refreshContext: () => Promise.resolve(), ...props, navigation, domElement } as unknown as P;
  await lifecycle.bootstrap(full);
  await lifecycle.mount(full);
  await settle();
  return {
    domElement,
    navigation,
    text: (testId) => domElement.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null,
    unmount: async () => {
      await lifecycle.unmount(full);
    },
  };
}

export { FakeEventSource, FakeXhr } from './testing-transport.js';
