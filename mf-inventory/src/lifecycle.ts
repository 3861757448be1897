// The one module this remote exposes: single-spa lifecycles for the shell.
import { createApp, h } from 'vue';
import singleSpaVue from 'single-spa-vue';
import type { PortalMountProps } from '@co2/shell-sdk';
import App from './App.vue';
import { installRemote } from './app/install.js';

const lifecycles = singleSpaVue({
  createApp,
  appOptions: { render: () => h(App) },
  handleInstance: (app, props) => installRemote(app, props as PortalMountProps),
});

export const { bootstrap, mount, unmount } = lifecycles;
