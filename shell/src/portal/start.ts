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
import { planAreas, retryEntry, type RegistryRemote } from './registry.js';

const LOAD_TIMEOUT_MS = 15_000;

export interface PortalDeps {
  areas: readonly LayoutArea[];
  api: ApiClient;
  context: PortalContext;
  navigation: PortalNavigation;
  refreshContext: () => Promise<void>;
  /** Whether the area may open at this address (role, unit and year); otherwise the shell shows why instead. */
  opens: (area: LayoutArea, search: string) => boolean;
  setArea(name: LayoutArea['name'], state: AreaState): void;
  onRetry(handler: (name: LayoutArea['name']) => void): void;
  fetchRegistry?: () => Promise<RemoteRegistry>;
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
  const remotes = new Map<LayoutArea['name'], RegistryRemote>();
  let attempts = 0;

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
        const module = await withTimeout(loadRemote(`${area.name}/lifecycle`), LOAD_TIMEOUT_MS, `Loading ${area.name}`);
        return assertLifecycle(area.name, module);
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
  deps.onRetry((name) => void retry(name));

  await refreshRegistry();
  registerRemotes([...remotes].map(([name, remote]) => ({ name, entry: remote.entry, type: 'module' })));
  for (const area of deps.areas) if (remotes.has(area.name)) register(area);
  start({ urlRerouteOnly: true });
  reportStates();
}
