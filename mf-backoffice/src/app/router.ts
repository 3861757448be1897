import { createRouter, createWebHistory, type Router } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import { unitsRoutes } from '../features/units/index.js';

/** The remote's router lives under the base path the shell gave it (never hard-coded here). */
export function createRemoteRouter(props: PortalMountProps): Router {
  return createRouter({ history: createWebHistory(props.basePath), routes: [...unitsRoutes(props)] });
}
