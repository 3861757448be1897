import type { RouteRecordRaw } from 'vue-router';
import { matEventNote } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "years": create a reporting year, open or close it, its modules, thresholds, uncertainty and goals. Administrators. */
export const yearsFeature = { id: 'years', labelKey: 'years.title', icon: matEventNote, requires: 'admin' } as const;

export function yearsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const page = { api: props.api, refreshContext: props.refreshContext };
  const meta = { requires: yearsFeature.requires };
  return [
    { path: '/years', name: 'years', component: () => import('./BackofficeYearsPage.vue'), meta, props: () => page },
    { path: '/years/:year(\\d{4})', name: 'year', component: () => import('./BackofficeYearPage.vue'), meta, props: (route) => ({ ...page, year: Number(route.params.year) }) },
  ];
}
