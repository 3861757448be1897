import { createRouter, type Router } from 'vue-router';
import { createPortalHistory, type PortalMountProps } from '@co2/shell-sdk';
import { notFoundRoute } from '@co2/ui';
import { auditFeature, auditRoutes } from '../features/audit/index.js';
import { factorsFeature, factorsRoutes } from '../features/factors/index.js';
import { importsFeature, importsRoutes } from '../features/imports/index.js';
import { jobsFeature, jobsRoutes } from '../features/jobs/index.js';
import { reportingFeature, reportingRoutes } from '../features/reporting/index.js';
import { unitsFeature, unitsRoutes } from '../features/units/index.js';
import { portalFeature, portalRoutes } from '../features/portal/index.js';
import { yearsFeature, yearsRoutes } from '../features/years/index.js';

/**
 * The backoffice's features in navigation order (id = name of the feature's first route; `requires`: who may use it,
 * see access.ts). One entry per page: a new page adds its feature here and its routes below.
 */
export const features = [unitsFeature, reportingFeature, factorsFeature, yearsFeature, auditFeature, importsFeature, jobsFeature, portalFeature] as const;

/**
 * The remote's router works under the base path the shell gave it (never hard-coded here). It writes no
 * history itself: `createPortalHistory` asks the shell's router, the one owner of the browser history, and
 * follows its navigations (Back, Forward, links) inside the base path.
 */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({
    history: createPortalHistory(props.basePath, props.navigation),
    routes: [...unitsRoutes(props), ...reportingRoutes(props), ...factorsRoutes(props), ...yearsRoutes(props), ...auditRoutes(props), ...importsRoutes(props), ...jobsRoutes(props), ...portalRoutes(props), notFoundRoute({ name: 'units' })],
  });
}
