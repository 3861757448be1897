import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { Quasar } from 'quasar';
import type { Component } from 'vue';
import { createPortalContext, type Locale } from '@co2/shell-sdk';
import { useRemoteI18n } from '@co2/shell-sdk/i18n';
import { withUiMessages } from '../src/i18n/index.js';

/** Mounts a kit component as a remote would: Quasar and the remote's vue-i18n (following the portal locale) with the kit's texts merged in. */
export function mountUi<C extends Component>(component: C, options: ComponentMountingOptions<C> & { locale?: Locale } = {}) {
  const { locale = 'en', global = {}, ...rest } = options;
  const context = createPortalContext({ locale });
  const i18n = useRemoteI18n(context, withUiMessages({ en: {}, fr: {}, de: {} }));
  const wrapper = mount(component, {
    attachTo: document.body,
    ...rest,
    global: { ...global, plugins: [[Quasar, {}], i18n, ...(global.plugins ?? [])] },
  } as ComponentMountingOptions<C>);
  return { wrapper, context };
}
