import type { App } from 'vue';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import iconSet from 'quasar/icon-set/svg-material-icons';
import type { PortalMountProps } from '@co2/shell-sdk';
import { loadRemoteI18n } from '@co2/shell-sdk/i18n';
import { followPortalLocale } from '@co2/ui';
import { localeLoaders } from '../i18n/locales.js';
import { createRemoteRouter } from './router.js';

/** Everything this remote installs on its own Vue app when single-spa mounts it (handleInstance). */
export async function installRemote(app: App, props: PortalMountProps): Promise<void> {
  app.use(Quasar, { iconSet });
  followPortalLocale(app, props.context);
  app.use(createPinia());
  app.use(await loadRemoteI18n(props.context, localeLoaders));
  const router = createRemoteRouter(props);
  app.use(router);
  app.onUnmount(() => router.options.history.destroy());
  await router.isReady(); // installing the router started it at the page's address
}
