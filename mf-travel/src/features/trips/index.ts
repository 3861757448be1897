import type { RouteRecordRaw } from 'vue-router';
import type { PortalMountProps } from '@co2/shell-sdk';
import TravelTripsPage from './TravelTripsPage.vue';

/** Feature "trips": the professional-travel overview of the signed-in person. */
export const tripsFeature = { id: 'trips', labelKey: 'trips.title' } as const;

export function tripRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [
    { path: '/', name: 'trips', component: TravelTripsPage, props: () => ({ api: props.api, context: props.context }) },
  ];
}
