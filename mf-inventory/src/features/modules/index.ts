import type { RouteRecordRaw } from 'vue-router';
import { MODULES } from '@co2/contracts';
import type { PortalMountProps } from '@co2/shell-sdk';
import InventoryModulePage from './InventoryModulePage.vue';

/** Feature "modules": one page per inventory module with its submodules (and the principal's CSV import). */
export const modulesFeature = { id: 'module', labelKey: 'overview.modules' } as const;

export function modulesRoutes(props: PortalMountProps): RouteRecordRaw[] {
  return [
    {
      path: '/modules/:module',
      name: 'module',
      component: InventoryModulePage,
      beforeEnter: (to) => (String(to.params.module) in MODULES ? true : { name: 'not-found', params: { rest: to.path.split('/').filter(Boolean) }, query: to.query, replace: true }),
      props: (route) => ({ api: props.api, context: props.context, navigation: props.navigation, module: String(route.params.module) }),
    },
  ];
}
