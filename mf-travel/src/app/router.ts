import { createRouter, type Router } from 'vue-router';
import { createPortalHistory, type PortalMountProps } from '@co2/shell-sdk';
import { notFoundRoute } from '@co2/ui';
import { tripRoutes } from '../features/trips/index.js';

/**
 * The remote's router works under the base path the shell gave it (never hard-coded here). It writes no
 * history itself: `createPortalHistory` asks the shell's router, the one owner of the browser history, and
 * follows its navigations (Back, Forward, links) inside the base path. Unknown paths: the area's "not found".
 */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({ history: createPortalHistory(props.basePath, props.navigation), routes: [...tripRoutes(props), notFoundRoute({ name: 'trips' })] });
}
