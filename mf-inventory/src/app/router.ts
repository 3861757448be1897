import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import { modulesRoutes } from '../features/modules/index.js';
import { overviewRoutes } from '../features/overview/index.js';

/**
 * The remote's router works under the base path the shell gave it (never hard-coded here). Its history is in
 * memory: only the shell's router writes `window.history`; `installRemote` starts it at the page's URL.
 */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({
    history: createMemoryHistory(props.basePath),
    routes: [...overviewRoutes(props), ...modulesRoutes(props), { path: '/:rest(.*)*', redirect: '/' }],
  });
}
