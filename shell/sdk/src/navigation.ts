import type { HistoryState, RouterHistory } from 'vue-router';

type NavigationCallback = Parameters<RouterHistory['listen']>[0];

/**
 * The portal's navigation as a remote may use it. The shell's router is the one owner of `window.history`:
 * remotes never call `pushState`, they ask the shell. Paths are portal paths (`/travel/trips?page=2`); the
 * shell adds its own query parameters (the unit and year of the working context) and removes them from what
 * a remote reads, so a remote never sees or writes them (`docs/adr/0006-addresses.md`).
 */
export interface PortalNavigation {
  /** The page's path, query and hash, without the shell's context parameters. */
  readonly location: string;
  push(to: string): void;
  replace(to: string): void;
  go(delta: number): void;
  /** The `href` of a link to `to` (with the shell's context parameters, so it opens the same view elsewhere). */
  href(to: string): string;
  /** Called with the new location after every navigation the shell's router completes. */
  listen(listener: (location: string) => void): () => void;
}

/** `/travel/trips?x=1` under `/travel` → `/trips?x=1`; `null` when the location is outside the base. */
export function pathInside(basePath: string, location: string): string | null {
  const base = basePath.replace(/\/+$/, '');
  if (location === base) return '/';
  const rest = location.slice(base.length);
  if (!location.startsWith(base) || !/^[/?#]/.test(rest)) return null;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** `/` under `/travel` → `/travel`; `/trips?x=1` → `/travel/trips?x=1`; `/?x=1` → `/travel?x=1`. */
export function pathUnder(basePath: string, location: string): string {
  const base = basePath.replace(/\/+$/, '');
  const inside = location.startsWith('/') ? location : `/${location}`;
  return /^\/(?=[?#]|$)/.test(inside) ? `${base}${inside.slice(1)}` : `${base}${inside}`;
}

/**
 * A vue-router history for a remote mounted under `basePath`: it writes nothing itself but asks the shell's
 * navigation, and it reports the shell's navigations (Back, Forward, links of the shell) that land inside its
 * base as `pop` navigations. A remote's router therefore never fights the shell's router over the history.
 */
export function createPortalHistory(basePath: string, navigation: PortalNavigation): RouterHistory {
  const base = basePath.replace(/\/+$/, '');
  let current = pathInside(base, navigation.location) ?? '/';
  const listeners = new Set<NavigationCallback>();
  const stop = navigation.listen((location) => {
    const to = pathInside(base, location);
    // Outside the base (the shell is leaving this area) or where the remote already is: nothing to tell.
    if (to === null || to === current) return;
    const from = current;
    current = to;
    for (const listener of listeners) listener(to, from, { type: 'pop' as never, direction: '' as never, delta: 0 });
  });

  return {
    base,
    get location(): string {
      return current;
    },
    state: {} as HistoryState,
    push(to) {
      if (to === current) return;
      current = to;
      navigation.push(pathUnder(base, to));
    },
    replace(to) {
      current = to;
      navigation.replace(pathUnder(base, to));
    },
    go(delta) {
      navigation.go(delta);
    },
    listen(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    createHref(location) {
      return navigation.href(pathUnder(base, location));
    },
    destroy() {
      listeners.clear();
      stop();
    },
  };
}
