import { createRouter, createWebHistory, type Router } from 'vue-router';
import { LAYOUT } from './portal/layout.js';
import HomePage from './pages/HomePage.vue';
import AreaRoute from './pages/AreaRoute.vue';
import NotFoundPage from './pages/NotFoundPage.vue';

/**
 * The shell's routes only decide what the shell shows; remotes render into their own containers, outside
 * `<router-view>`, and own everything under their prefix.
 */
export function createShellRouter(): Router {
  return createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/', name: 'home', component: HomePage },
      ...LAYOUT.map((area) => ({ path: `${area.prefix}/:rest(.*)*`, name: area.name, component: AreaRoute, meta: { area: area.name } })),
      { path: '/:rest(.*)*', name: 'not-found', component: NotFoundPage },
    ],
  });
}
