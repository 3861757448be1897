import 'quasar/dist/quasar.css';
import './styles.css';
import { nextTick } from 'vue';
import { createApiClient, createPortalContext } from '@co2/shell-sdk';
import { loadContracts } from './contracts.js';
import { createShell } from './create-shell.js';
import { areaAccess } from './portal/access.js';
import { readContextParams } from './portal/context-params.js';
import { HOME_CONTEXT, contextFor } from './portal/context-defaults.js';
import { loadContextSources } from './portal/context-sources.js';
import { LAYOUT } from './portal/layout.js';
import { readRememberedContext } from './portal/remembered-context.js';
import { createShellNavigation } from './portal/shell-navigation.js';
import { initialLocale } from './session/locale.js';
import { loadSession } from './session/session.js';
import { contextSources, createShellState } from './shell-state.js';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

const context = createPortalContext({ locale: initialLocale(storage, navigator.languages), ...readRememberedContext(storage) });
const state = createShellState();
const { app, router } = createShell({ context, state, storage });
app.mount('#app');

const session = await loadSession({ contracts: loadContracts });
const api = createApiClient();
if (session.status === 'signed-in') {
  context.user = session.user;
  state.session = session;
  await loadContextSources(api, state, loadContracts);
  Object.assign(context, contextFor(HOME_CONTEXT, contextSources(state), { unit: null, year: null }, context, new Date().getFullYear()));
}
state.session = session;
state.markReady();

if (session.status === 'signed-in') {
  await router.isReady(); // the address carries the context before any remote reads it
  await nextTick(); // the areas' containers are in the DOM before single-spa mounts anything
  const { startPortal } = await import('./portal/start.js');
  await startPortal({
    areas: LAYOUT,
    api,
    context,
    navigation: createShellNavigation(router, context),
    refreshContext: () => loadContextSources(api, state, loadContracts),
    opens: (area, search) => areaAccess(area, contextSources(state), readContextParams(Object.fromEntries(new URLSearchParams(search)))).status === 'ok',
    setArea: state.setArea,
    setUpdate: state.setUpdate,
    onRetry: state.onRetry,
  });
}
