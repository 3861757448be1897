import type { RouteRecordRaw } from 'vue-router';
import { matAssessment } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "reporting": the labs of the role's scope for a year, their progress and totals, and exports. Back-office roles. */
export const reportingFeature = { id: 'reporting', labelKey: 'reporting.nav', icon: matAssessment, requires: 'backoffice' } as const;

export function reportingRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const page = { api: props.api, context: props.context, navigation: props.navigation };
  return [{ path: '/reporting', name: 'reporting', component: () => import('./BackofficeReportingPage.vue'), props: () => page }];
}
