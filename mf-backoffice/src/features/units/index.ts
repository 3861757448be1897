import type { RouteRecordRaw } from 'vue-router';
import { matAccountTree } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';
import BackofficeUnitsPage from './BackofficeUnitsPage.vue';

/** Feature "units": the organisation units the backoffice role may see. Requires a backoffice role (the shell only mounts this remote for those). */
export const unitsFeature = { id: 'units', labelKey: 'units.title', icon: matAccountTree, requires: 'backoffice' } as const;

export function unitsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [
    { path: '/', name: 'units', component: BackofficeUnitsPage, props: () => ({ api: props.api, context: props.context }) },
  ];
}
