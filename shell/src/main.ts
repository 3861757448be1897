import 'quasar/dist/quasar.css';
import './styles.css';
import { nextTick } from 'vue';
import { createApiClient, createPortalContext, unitCodesOf } from '@co2/shell-sdk';
import { loadContracts } from './contracts.js';
import { createShell } from './create-shell.js';
import { LAYOUT } from './portal/layout.js';
import { defaultYear } from './portal/years.js';
import { initialLocale } from './session/locale.js';
import { loadSession } from './session/session.js';
import { createShellState } from './shell-state.js';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

const context = createPortalContext({ locale: initialLocale(storage, navigator.languages) });
const state = createShellState();
createShell({ context, state, storage }).mount('#app');

const session = await loadSession({ contracts: loadContracts });
if (session.status === 'signed-in') {
  context.user = session.user;
  context.unit = unitCodesOf(session.user.roles)[0] ?? null;
  context.year = new Date().getFullYear();
}
state.session = session;

if (session.status === 'signed-in') {
  // The portal opens on the newest year open for data entry (the current calendar year often is not yet).
  const api = createApiClient();
  const { YearList } = await loadContracts();
  const listed = await api.get('/v1/years', YearList).catch(() => null);
  state.years = listed?.years ?? null;
  context.year = defaultYear(new Date().getFullYear(), state.years);
}

if (session.status === 'signed-in') {
  await nextTick(); // the areas' containers are in the DOM before single-spa mounts anything
  const { startPortal } = await import('./portal/start.js');
  await startPortal({
    areas: LAYOUT,
    api: createApiClient(),
    context,
    setArea: state.setArea,
    onRetry: state.onRetry,
  });
}
