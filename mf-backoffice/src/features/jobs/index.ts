import type { RouteRecordRaw } from 'vue-router';
import { matDns } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "jobs": the job runners of the core-api processes and every background job (dry runs marked). Administrators. */
export const jobsFeature = { id: 'jobs', labelKey: 'jobs.title', icon: matDns, requires: 'admin' } as const;

export function jobsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [{ path: '/jobs', name: 'jobs', component: () => import('./BackofficeJobsPage.vue'), meta: { requires: jobsFeature.requires }, props: () => ({ api: props.api, context: props.context }) }];
}
