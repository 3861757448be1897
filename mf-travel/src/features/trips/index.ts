import type { RouteRecordRaw } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import TravelTripsPage from './TravelTripsPage.vue';

/** Feature "trips": the unit's (or one's own) trips, added, edited and explained; and where their emissions come from. */
export const tripsFeature = { id: 'trips', labelKey: 'trips.title' } as const;

export function tripRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const pageProps = () => ({ api: props.api, context: props.context, navigation: props.navigation });
  return [
    { path: '/', name: 'trips', component: TravelTripsPage, props: pageProps },
    { path: '/new', name: 'trip-new', component: () => import('../trip-form/TravelTripFormPage.vue'), props: pageProps },
    { path: '/trips/:type(plane|train)/:id', name: 'trip-edit', component: () => import('../trip-form/TravelTripFormPage.vue'), props: pageProps },
    // The map and the charts (ECharts, the world outline) load with this page only.
    { path: '/insights', name: 'insights', component: () => import('../insights/TravelInsightsPage.vue'), props: pageProps },
  ];
}
