/**
 * Path a remote's router starts at, from the page URL and the remote's base path:
 * `/travel/trips/3?x=1` under `/travel` → `/trips/3?x=1`. Remotes use an in-memory router history (the shell's
 * router alone owns `window.history`, so the two never fight over history state); this keeps deep links working.
 */
export function remoteInitialPath(basePath: string, location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const base = basePath.replace(/\/+$/, '');
  const { pathname } = location;
  const inside = pathname === base || pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : '';
  return `${inside.replace(/^\/*/, '/')}${location.search}${location.hash}`;
}
