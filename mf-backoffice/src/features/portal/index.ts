import type { RouteRecordRaw } from 'vue-router';
import { matPublishedWithChanges } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "portal": the remote registry — versions, promote / canary / roll back, publish tokens (global administrators; the BFF checks it). */
export const portalFeature = { id: 'portal', labelKey: 'portal.title', icon: matPublishedWithChanges, requires: 'admin' } as const;

export function portalRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [{ path: '/portal', name: 'portal', component: () => import('./BackofficePortalPage.vue'), meta: { requires: portalFeature.requires }, props: () => ({ context: props.context }) }];
}
