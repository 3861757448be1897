import type { RouteRecordRaw } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import DashboardResultsPage from './DashboardResultsPage.vue';

/** Feature "results": a unit's footprint for the address's unit and year, and its print layout. */
export const resultsFeature = { id: 'results', labelKey: 'results.title' } as const;

export function resultsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const pageProps = () => ({ api: props.api, context: props.context, navigation: props.navigation });
  return [
    { path: '/', name: 'results', component: DashboardResultsPage, props: pageProps },
    { path: '/print', name: 'print', component: () => import('./DashboardPrintPage.vue'), props: pageProps },
  ];
}
