import type { RouteRecordRaw } from 'vue-router';
import { matUploadFile } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "imports": CSV uploads (entry data, factors, reference data) and their background jobs, followed live. */
export const importsFeature = { id: 'imports', labelKey: 'imports.title', icon: matUploadFile, requires: 'backoffice' } as const;

export function importsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const page = { api: props.api, context: props.context };
  const BackofficeImportsPage = () => import('./BackofficeImportsPage.vue'); // loaded with its route only
  return [
    { path: '/imports', name: 'imports', component: BackofficeImportsPage, props: () => page },
    { path: '/imports/jobs/:id', name: 'import-job', component: BackofficeImportsPage, props: (route) => ({ ...page, jobId: String(route.params.id) }) },
  ];
}
