import type { RemoteRegistry } from '@co2/contracts';
import type { LayoutArea } from './layout.js';

export type RegistryRemote = RemoteRegistry['remotes'][number];

/** What the shell will do for one layout area given the registry document. */
export type AreaPlan = { area: LayoutArea; remote: RegistryRemote } | { area: LayoutArea; remote: null };

/**
 * Matches the registry's remotes to the layout. Remotes the layout does not know are ignored (the shell owns
 * the prefixes); entries become absolute URLs against the page origin (the runtime imports them as modules).
 */
export function planAreas(registry: RemoteRegistry, areas: readonly LayoutArea[], origin: string): AreaPlan[] {
  return areas.map((area) => {
    const remote = registry.remotes.find((r) => r.name === area.name);
    return remote ? { area, remote: { ...remote, entry: new URL(remote.entry, origin).href } } : { area, remote: null };
  });
}

/** Same entry with a cache-busting query, so a retry does not reuse a failed module fetch. */
export function retryEntry(entry: string, attempt: number): string {
  const url = new URL(entry);
  url.searchParams.set('retry', String(attempt));
  return url.href;
}

/** What to do when the registry changed under a running page (docs/adr/0008-independent-delivery.md). */
export interface RegistryChange {
  name: LayoutArea['name'];
  remote: RegistryRemote;
  /** The remote's code is already in the page: offer a reload rather than mixing two versions. */
  offerReload: boolean;
}

/**
 * Remotes whose entry differs from the one registered with the federation runtime. A remote that was never loaded
 * is simply re-registered (its next load takes the new version); a loaded one gets a reload offer.
 */
export function registryChanges(registered: ReadonlyMap<string, RegistryRemote>, next: readonly AreaPlan[], loaded: ReadonlySet<string>): RegistryChange[] {
  const changes: RegistryChange[] = [];
  for (const plan of next) {
    const before = registered.get(plan.area.name);
    if (!plan.remote || !before || before.entry === plan.remote.entry) continue;
    changes.push({ name: plan.area.name, remote: plan.remote, offerReload: loaded.has(plan.area.name) });
  }
  return changes;
}
