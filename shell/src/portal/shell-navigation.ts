import type { Router } from 'vue-router';
import type { PortalContext, PortalNavigation } from '@co2/shell-sdk';
import { addContextParams, stripContextParams } from './context-params.js';
import { areaForPath } from './layout.js';

/**
 * The shell's router as remotes use it (`createPortalHistory`): the one writer of the browser history.
 * Paths going out get the area's context parameters from the current context; paths going to a remote
 * lose them.
 */
export function createShellNavigation(router: Router, context: Pick<PortalContext, 'unit' | 'year'>): PortalNavigation {
  const withContext = (to: string): string => {
    const area = areaForPath(new URL(to, 'http://portal.invalid').pathname);
    return area ? addContextParams(to, area.context, { unit: context.unit, year: context.year }) : to;
  };
  const ignore = () => {};
  return {
    get location() {
      const { pathname, search, hash } = window.location;
      return stripContextParams(`${pathname}${search}${hash}`);
    },
    push: (to) => void router.push(withContext(to)).catch(ignore),
    replace: (to) => void router.replace(withContext(to)).catch(ignore),
    go: (delta) => router.go(delta),
    href: (to) => router.resolve(withContext(to)).href,
    listen: (listener) =>
      router.afterEach((to, _from, failure) => {
        if (!failure) listener(stripContextParams(to.fullPath));
      }),
  };
}
