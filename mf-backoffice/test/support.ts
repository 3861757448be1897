import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { readonly, type Component } from 'vue';
import { createApiClient, createPortalContext, type Locale, type PortalContext } from '@co2/shell-sdk';
import { useRemoteI18n } from '@co2/shell-sdk/i18n';
import { fakeFetch } from '@co2/shell-sdk/testing';
import { messages } from '../src/i18n/messages.js';

export { meFixture as me, unitListFixture as unitList } from '@co2/shell-sdk/testing';

/** Mounts a page as the remote's router does: an API client over a fake fetch and a read-only portal context. */
export function mountPage(page: Component, routes: Parameters<typeof fakeFetch>[0], locale: Locale = 'en', extra: { context?: Partial<PortalContext>; props?: Record<string, unknown>; attach?: boolean } = {}) {
  const fetch = fakeFetch(routes);
  const context = createPortalContext({ locale, unit: 'LAB-CARBON', year: 2025, ...extra.context });
  const wrapper = mount(page, {
    ...(extra.attach ? { attachTo: document.body } : {}),
    props: { api: createApiClient({ fetch }), context: readonly(context), ...extra.props },
    global: { plugins: [[Quasar, {}], createPinia(), useRemoteI18n(context, messages)] },
  });
  return { wrapper, context, fetch };
}
