import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import type { PortalContext } from '@co2/shell-sdk';
import { LAYOUT, areaForPath } from './portal/layout.js';
import { areaAccess } from './portal/access.js';
import { contextFor } from './portal/context-defaults.js';
import { readContextParams, withContextParams } from './portal/context-params.js';
import { contextSources, type ShellState } from './shell-state.js';
import HomePage from './pages/HomePage.vue';
import AreaRoute from './pages/AreaRoute.vue';
import NotFoundPage from './pages/NotFoundPage.vue';

export interface ShellRouterDeps {
  state: ShellState;
  context: PortalContext;
  /** The calendar year (injected in tests). */
  currentYear?: number;
}

/**
 * The shell's router is the one owner of `window.history` (remotes navigate through it, see
 * `portal/shell-navigation.ts`). Its routes only decide what the shell shows; remotes render into their own
 * containers, outside `<router-view>`. Before an area opens, the address gets the area's context (unit,
 * year) and the context follows the address: a reload or a shared link lands on the same view.
 */
export function createShellRouter(deps: ShellRouterDeps): Router {
  const router = createRouter({
    history: withoutEchoes(createWebHistory('/')),
    routes: [
      { path: '/', name: 'home', component: HomePage },
      // Signed-in only (App.vue shows the landing page otherwise); lazy: only who opens it downloads it.
      { path: '/account/sessions', name: 'sessions', component: () => import('./pages/SessionsPage.vue') },
      ...LAYOUT.map((area) => ({ path: `${area.prefix}/:rest(.*)*`, name: area.name, component: AreaRoute, meta: { area: area.name } })),
      { path: '/:rest(.*)*', name: 'not-found', component: NotFoundPage },
    ],
  });

  router.beforeEach(async (to) => {
    await deps.state.ready;
    const area = areaForPath(to.path);
    if (!area || deps.state.session.status !== 'signed-in') return true;
    const sources = contextSources(deps.state);
    const named = readContextParams(to.query);
    if (areaAccess(area, sources, named).status !== 'ok') return true; // AreaRoute shows why
    const last = { unit: deps.context.unit, year: deps.context.year };
    const values = contextFor(area, sources, named, last, deps.currentYear ?? new Date().getFullYear());
    if (area.context.some((param) => values[param] !== named[param])) {
      return { path: to.path, query: withContextParams(to.query, area.context, values), hash: to.hash };
    }
    if (values.unit !== null) deps.context.unit = values.unit;
    if (values.year !== null) deps.context.year = values.year;
    return true;
  });
  return router;
}

/**
 * single-spa reports every `pushState`/`replaceState` as an extra `popstate` event (so that other routers
 * follow). For this router, which made the change itself, it would be a second navigation to where it
 * already is: those echoes (same location before and after) are dropped.
 */
function withoutEchoes(history: RouterHistory): RouterHistory {
  const listen = history.listen.bind(history);
  history.listen = (callback) =>
    listen((to, from, info) => {
      if (to !== from) callback(to, from, info);
    });
  return history;
}
