import { createRouter, type Router } from 'vue-router';
import { createPortalHistory, type PortalMountProps } from '@co2/shell-sdk';
import { notFoundRoute } from '@co2/ui';
import { importsFeature, importsRoutes } from '../features/imports/index.js';
import { unitsFeature, unitsRoutes } from '../features/units/index.js';
import { portalFeature, portalRoutes } from '../features/portal/index.js';

/** The backoffice's features in navigation order (id = name of the feature's first route). */
export const features = [unitsFeature, importsFeature, portalFeature] as const;

/**
 * The remote's router works under the base path the shell gave it (never hard-coded here). It writes no
 * history itself: `createPortalHistory` asks the shell's router, the one owner of the browser history, and
 * follows its navigations (Back, Forward, links) inside the base path.
 */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({
    history: createPortalHistory(props.basePath, props.navigation),
    routes: [...unitsRoutes(props), ...importsRoutes(props), ...portalRoutes(props), notFoundRoute({ name: 'units' })],
  });
}
