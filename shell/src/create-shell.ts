import { createApp, watch, type App as VueApp } from 'vue';
import type { Router } from 'vue-router';
import { Quasar } from 'quasar';
import iconSet from 'quasar/icon-set/svg-material-icons';
import type { PortalContext } from '@co2/shell-sdk';
import App from './App.vue';
import { PORTAL_CONTEXT } from './context-key.js';
import { messages } from './i18n/messages.js';
import { TRANSLATE, createTranslate } from './i18n/translate.js';
import { createShellRouter } from './router.js';
import { applyLocale } from './session/locale.js';
import { rememberContext } from './portal/remembered-context.js';
import { SHELL_STATE, type ShellState } from './shell-state.js';

export interface ShellOptions {
  context: PortalContext;
  state: ShellState;
  storage: Storage | null;
  /** The calendar year (injected in tests). */
  currentYear?: number;
}

/** The shell's Vue app with its router, Quasar, texts, context and state (used by main.ts and the tests). */
export function createShell(options: ShellOptions): { app: VueApp; router: Router } {
  const { context, state, storage } = options;
  const app = createApp(App);
  const router = createShellRouter({ state, context, ...(options.currentYear ? { currentYear: options.currentYear } : {}) });
  app.use(Quasar, { iconSet });
  app.use(router);
  app.provide(PORTAL_CONTEXT, context);
  app.provide(SHELL_STATE, state);
  app.provide(TRANSLATE, createTranslate(messages, () => context.locale));
  const stop = watch(() => context.locale, (locale) => applyLocale(locale, storage, document.documentElement), { immediate: true });
  const stopRemembering = watch(() => ({ unit: context.unit, year: context.year }), (values) => rememberContext(storage, values));
  app.onUnmount(() => {
    stop();
    stopRemembering();
  });
  return { app, router };
}
