import { createApp, watch, type App as VueApp } from 'vue';
import { Quasar } from 'quasar';
import iconSet from 'quasar/icon-set/svg-material-icons';
import type { PortalContext } from '@co2/shell-sdk';
import App from './App.vue';
import { PORTAL_CONTEXT } from './context-key.js';
import { messages } from './i18n/messages.js';
import { TRANSLATE, createTranslate } from './i18n/translate.js';
import { createShellRouter } from './router.js';
import { applyLocale } from './session/locale.js';
import { SHELL_STATE, type ShellState } from './shell-state.js';

/** The shell's Vue app with its router, Quasar, texts, context and state (used by main.ts and the tests). */
export function createShell(options: { context: PortalContext; state: ShellState; storage: Storage | null }): VueApp {
  const { context, state, storage } = options;
  const app = createApp(App);
  app.use(Quasar, { iconSet });
  app.use(createShellRouter());
  app.provide(PORTAL_CONTEXT, context);
  app.provide(SHELL_STATE, state);
  app.provide(TRANSLATE, createTranslate(messages, () => context.locale));
  const stop = watch(() => context.locale, (locale) => applyLocale(locale, storage, document.documentElement), { immediate: true });
  app.onUnmount(stop);
  return app;
}
