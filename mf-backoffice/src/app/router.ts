import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import { importsFeature, importsRoutes } from '../features/imports/index.js';
import { unitsFeature, unitsRoutes } from '../features/units/index.js';

/** The backoffice's features in navigation order (id = name of the feature's first route). */
export const features = [unitsFeature, importsFeature] as const;

/**
 * The remote's router works under the base path the shell gave it (never hard-coded here). Its history is in
 * memory: only the shell's router writes `window.history`; `installRemote` starts it at the page's URL.
 */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({
    history: createMemoryHistory(props.basePath),
    routes: [...unitsRoutes(props), ...importsRoutes(props), { path: '/:rest(.*)*', redirect: '/' }],
  });
}
