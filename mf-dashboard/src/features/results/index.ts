import type { RouteRecordRaw } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import DashboardResultsPage from './DashboardResultsPage.vue';

/** Feature "results": emissions of the selected unit and year (empty until the inventory has data). */
export const resultsFeature = { id: 'results', labelKey: 'results.title' } as const;

export function resultsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [
    { path: '/', name: 'results', component: DashboardResultsPage, props: () => ({ api: props.api, context: props.context }) },
  ];
}
