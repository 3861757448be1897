// The single-spa root: loaded only once a user is signed in (keeps single-spa and the federation calls off
// the signed-out first screen). Registers the remotes found in the runtime registry, one application per
// layout area, and reports each area's state to the shell store.
import { markRaw, readonly } from 'vue';
import { registerRemotes, loadRemote } from '@module-federation/runtime';
import {
  addErrorHandler,
  getAppNames,
  getAppStatus,
  registerApplication,
  start,
  triggerAppChange,
  unregisterApplication,
  type AppError,
} from 'single-spa';
import type { RemoteRegistry } from '@co2/contracts';
import { loadContracts } from '../contracts.js';
import { initFederationHost } from '../federation/host.js';
import type { ApiClient, PortalContext, PortalMountProps, PortalNavigation } from '@co2/shell-sdk';
import { areaStateFromAppStatus, assertLifecycle, withTimeout, type AreaState } from './area-state.js';
import { containerId, isUnderPrefix, type LayoutArea } from './layout.js';
import { planAreas, registryChanges, retryEntry, type RegistryRemote } from './registry.js';

const LOAD_TIMEOUT_MS = 15_000;
/** On navigation the registry is checked at most this often (a revalidated GET: 304 when nothing changed). */
const CHECK_INTERVAL_MS = 5_000;

export interface PortalDeps {
  areas: readonly LayoutArea[];
  api: ApiClient;
  context: PortalContext;
  navigation: PortalNavigation;
  refreshContext: () => Promise<void>;
  /** Whether the area may open at this address (role, unit and year); otherwise the shell shows why instead. */
  opens: (area: LayoutArea, search: string) => boolean;
  setArea(name: LayoutArea['name'], state: AreaState): void;
  /** A newer version of a remote whose code this page already runs: the area offers a reload. */
  setUpdate(name: LayoutArea['name'], version: string): void;
  onRetry(handler: (name: LayoutArea['name']) => void): void;
  fetchRegistry?: () => Promise<RemoteRegistry>;
  reportFailure?: (name: string, version: string, message: string) => Promise<void>;
}

/** Tells the BFF which version of a remote failed to load (shown on the back office's portal page). */
export async function reportFailure(name: string, version: string, message: string): Promise<void> {
  await fetch('/bff/remote-failures', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF': '1' },
    body: JSON.stringify({ name, version, message: message.slice(0, 500) }),
  }).catch(() => undefined);
}

export async function fetchRegistry(): Promise<RemoteRegistry> {
  const response = await fetch('/portal/remotes.json', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET /portal/remotes.json answered ${response.status}`);
  const { RemoteRegistry } = await loadContracts();
  return RemoteRegistry.parse(await response.json());
}

export async function startPortal(deps: PortalDeps): Promise<void> {
  await initFederationHost();
  const getRegistry = deps.fetchRegistry ?? fetchRegistry;
  const report = deps.reportFailure ?? reportFailure;
  /** What the federation runtime has registered for each area. */
  const remotes = new Map<LayoutArea['name'], RegistryRemote>();
  /** Areas whose remote code is in this page. */
  const loaded = new Set<LayoutArea['name']>();
  let attempts = 0;
  let lastCheck = 0;

  /**
   * The registry changed under this page (a version was promoted, canaried or rolled back): remotes not loaded yet
   * are re-registered, so they load the new version; a loaded one offers a reload instead of mixing versions.
   */
  async function checkRegistry(): Promise<void> {
    lastCheck = Date.now();
    const registry = await getRegistry().catch(() => null);
    if (!registry) return;
    for (const change of registryChanges(remotes, planAreas(registry, deps.areas, window.location.origin), loaded)) {
      if (change.offerReload) {
        deps.setUpdate(change.name, change.remote.version);
        continue;
      }
      registerRemotes([{ name: change.name, entry: change.remote.entry, type: 'module' }], { force: true });
      remotes.set(change.name, change.remote);
    }
  }

  async function refreshRegistry(): Promise<void> {
    const registry = await getRegistry().catch((error: unknown) => {
      console.error('[portal] registry unavailable', error);
      return { remotes: [] };
    });
    remotes.clear();
    for (const plan of planAreas(registry, deps.areas, window.location.origin)) {
      if (plan.remote) remotes.set(plan.area.name, plan.remote);
    }
  }

  function mountProps(area: LayoutArea): PortalMountProps {
    const domElement = document.getElementById(containerId(area));
    return {
      basePath: area.prefix,
      api: markRaw(deps.api),
      context: readonly(deps.context),
      navigation: markRaw(deps.navigation),
      refreshContext: deps.refreshContext,
      ...(domElement ? { domElement } : {}),
    };
  }

  function register(area: LayoutArea): void {
    registerApplication({
      name: area.name,
      app: async () => {
        deps.setArea(area.name, { status: 'loading' });
        if (Date.now() - lastCheck > CHECK_INTERVAL_MS) await checkRegistry();
        const version = remotes.get(area.name)?.version ?? 'unknown';
        try {
          const lifecycle = assertLifecycle(area.name, await withTimeout(loadRemote(`${area.name}/lifecycle`), LOAD_TIMEOUT_MS, `Loading ${area.name}`));
          loaded.add(area.name);
          return lifecycle;
        } catch (error) {
          void report(area.name, version, error instanceof Error ? error.message : String(error));
          throw error;
        }
      },
      activeWhen: (location) => isUnderPrefix(location.pathname, area.prefix) && deps.opens(area, location.search),
      customProps: () => mountProps(area) as unknown as Record<string, unknown>,
    });
  }

  function reportStates(): void {
    const registered = new Set(getAppNames());
    for (const area of deps.areas) {
      if (!isUnderPrefix(window.location.pathname, area.prefix)) continue;
      deps.setArea(area.name, areaStateFromAppStatus(registered.has(area.name) ? getAppStatus(area.name) : null));
    }
  }

  async function retry(name: LayoutArea['name']): Promise<void> {
    const area = deps.areas.find((a) => a.name === name);
    if (!area) return;
    await refreshRegistry();
    const remote = remotes.get(name);
    if (!remote) return reportStates();
    attempts += 1;
    registerRemotes([{ name, entry: retryEntry(remote.entry, attempts), type: 'module' }], { force: true });
    const status = getAppNames().includes(name) ? getAppStatus(name) : null;
    if (status === 'SKIP_BECAUSE_BROKEN') await unregisterApplication(name);
    if (status === null || status === 'SKIP_BECAUSE_BROKEN') register(area);
    // A LOAD_ERROR application is loaded again by single-spa on the next change.
    await triggerAppChange();
  }

  addErrorHandler((error: AppError) => {
    console.error(`[portal] ${error.appOrParcelName} failed`, error);
    const name = deps.areas.find((a) => a.name === error.appOrParcelName)?.name;
    if (name) deps.setArea(name, areaStateFromAppStatus(getAppStatus(name)));
  });
  window.addEventListener('single-spa:routing-event', reportStates);
  window.addEventListener('single-spa:routing-event', () => {
    if (Date.now() - lastCheck > CHECK_INTERVAL_MS) void checkRegistry();
  });
  deps.onRetry((name) => void retry(name));

  await refreshRegistry();
  lastCheck = Date.now();
  registerRemotes([...remotes].map(([name, remote]) => ({ name, entry: remote.entry, type: 'module' })));
  for (const area of deps.areas) if (remotes.has(area.name)) register(area);
  start({ urlRerouteOnly: true });
  reportStates();
}
