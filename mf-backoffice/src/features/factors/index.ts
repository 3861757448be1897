import type { RouteRecordRaw } from 'vue-router';
import { matFunctions } from '@quasar/extras/material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';

/** Feature "factors": the emission factors of the year, browsed, explained, created and changed (each change recalculates). Administrators. */
export const factorsFeature = { id: 'factors', labelKey: 'factors.title', icon: matFunctions, requires: 'admin' } as const;

export function factorsRoutes(props: PortalMountProps): RouteRecordRaw[] {
  const page = { api: props.api, context: props.context };
  const meta = { requires: factorsFeature.requires };
  // Each page's code loads with its route only.
  const list = () => import('./BackofficeFactorsPage.vue');
  const detail = () => import('./BackofficeFactorPage.vue');
  return [
    { path: '/factors', name: 'factors', component: list, meta, props: () => ({ ...page, navigation: props.navigation }) },
    { path: '/factors/new', name: 'factor-new', component: detail, meta, props: () => page },
    { path: '/factors/:id', name: 'factor', component: detail, meta, props: (route) => ({ ...page, id: String(route.params.id) }) },
    { path: '/factors/:id/edit', name: 'factor-edit', component: detail, meta, props: (route) => ({ ...page, id: String(route.params.id), editing: true }) },
  ];
}
