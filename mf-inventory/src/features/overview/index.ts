import type { RouteRecordRaw } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import InventoryOverviewPage from './InventoryOverviewPage.vue';

/** Feature "overview": the unit's inventory at a glance, one card per module. */
export const overviewFeature = { id: 'overview', labelKey: 'overview.title' } as const;

export function overviewRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [
    { path: '/', name: 'overview', component: InventoryOverviewPage, props: () => ({ api: props.api, context: props.context }) },
  ];
}
