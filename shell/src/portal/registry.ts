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
