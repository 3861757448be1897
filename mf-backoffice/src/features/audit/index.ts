import type { RouteRecordRaw } from 'vue-router';
import { matHistory } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "audit": the append-only log of every write, filtered, each record's before/after, and the chain check. Administrators. */
export const auditFeature = { id: 'audit', labelKey: 'audit.title', icon: matHistory, requires: 'admin' } as const;

export function auditRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [{ path: '/audit', name: 'audit', component: () => import('./BackofficeAuditPage.vue'), meta: { requires: auditFeature.requires }, props: () => ({ api: props.api }) }];
}
