import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { readonly, type Component } from 'vue';
import { createApiClient, createPortalContext, useRemoteI18n, type Locale } from '@co2/shell-sdk';
import { fakeFetch, type FakeRoute } from '@co2/shell-sdk/testing';
import { messages } from '../src/i18n/messages.js';

export const me = {
  id: '7d9a3f0e-3c1b-4f7a-9a59-0c3f8e2b1a11',
  subject: 'principal',
  email: 'principal@example.org',
  displayName: 'Pat Principal',
  roles: [{ role: 'user.principal', scope: { kind: 'unit', unitCode: 'LAB-CARBON' } }],
  units: [{ code: 'LAB-CARBON', name: 'Carbon Lab', level: 4, parentCode: 'ENV-CLIM' }],
};

/** Mounts a page as the router would: with an API client over a fake fetch and a portal context. */
export function mountPage(page: Component, routes: Record<string, FakeRoute>, locale: Locale = 'en') {
  const fetch = fakeFetch(routes);
  const context = createPortalContext({ locale, unit: 'LAB-CARBON', year: 2025 });
  const wrapper = mount(page, {
    props: { api: createApiClient({ fetch }), context: readonly(context) },
    global: { plugins: [[Quasar, {}], createPinia(), useRemoteI18n(context, messages)] },
  });
  return { wrapper, context, fetch };
}
