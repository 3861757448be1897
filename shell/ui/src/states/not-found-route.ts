import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import UiNotFound from './UiNotFound.vue';

/** The last route of a remote's router: any unknown path of the area shows the kit's "page not found" with a link to `back`. */
export function notFoundRoute(back: RouteLocationRaw): RouteRecordRaw {
  return { path: '/:rest(.*)*', name: 'not-found', component: UiNotFound, props: { to: back } };
}
