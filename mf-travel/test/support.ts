import { mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import type { Component } from 'vue';
import { createApiClient, createPortalContext, type Locale } from '@co2/shell-sdk';
import { useRemoteI18n } from '@co2/shell-sdk/i18n';
import { fakeFetch } from '@co2/shell-sdk/testing';
import { messages } from '../src/i18n/messages.js';

export { meFixture as me, unitListFixture as unitList } from '@co2/shell-sdk/testing';

/** Mounts a component with Quasar, Pinia and the remote's i18n, and an API client over a fake fetch. */
export function mountWithApi(component: Component, routes: Parameters<typeof fakeFetch>[0], props: Record<string, unknown> = {}, locale: Locale = 'en') {
  const fetch = fakeFetch(routes);
  const context = createPortalContext({ locale, unit: 'LAB-CARBON', year: 2025 });
  const api = createApiClient({ fetch });
  const wrapper = mount(component, {
    props: { api, ...props },
    attachTo: document.body,
    global: { plugins: [[Quasar, {}], createPinia(), useRemoteI18n(context, messages)], stubs: { RouterLink: RouterLinkStub } },
  });
  return { wrapper, fetch, api, context };
}

/** An in-memory localStorage. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}
