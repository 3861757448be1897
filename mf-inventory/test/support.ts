import { mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { readonly, type Component } from 'vue';
// eslint-disable-next-line no-restricted-imports -- a component test has no shell: a memory history stands in for the portal's
import { createMemoryHistory, createRouter } from 'vue-router';
import { createApiClient, createPortalContext, type Locale, type PortalContext } from '@co2/shell-sdk';
import { useRemoteI18n } from '@co2/shell-sdk/i18n';
import { fakeFetch } from '@co2/shell-sdk/testing';
import { messages } from '../src/i18n/messages.js';

export { meFixture as me, unitListFixture as unitList } from '@co2/shell-sdk/testing';

/** Mounts a page as the remote's router does: an API client over a fake fetch and a read-only portal context. */
export function mountPage(
  page: Component,
  routes: Parameters<typeof fakeFetch>[0],
  locale: Locale = 'en',
  extra: { context?: Partial<PortalContext>; props?: Record<string, unknown> } = {},
) {
  const fetch = fakeFetch(routes);
  const context = createPortalContext({ locale, unit: 'LAB-CARBON', year: 2025, ...extra.context });
  // Pages keep their table state in the route query: a memory router stands in for the portal's history.
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] });
  const wrapper = mount(page, {
    props: { api: createApiClient({ fetch }), context: readonly(context), navigation, ...extra.props },
    global: { plugins: [[Quasar, {}], createPinia(), useRemoteI18n(context, messages), router], stubs: { RouterLink: RouterLinkStub } },
  });
  return { wrapper, context, fetch, router };
}

/** The portal navigation a page gets as a prop (links to other areas keep the context). */
export const navigation = {
  location: '/',
  push: () => undefined,
  replace: () => undefined,
  go: () => undefined,
  href: (to: string) => `${to}?unit=LAB-CARBON&year=2025`,
  listen: () => () => undefined,
};

const reportModule = (module: string, status: string, total: number | null, count: number | null, submodules: { submodule: string; enabled?: boolean; thresholdKg?: number | null }[] = [], enabled = true) => ({
  module, status, totalKgCo2eq: total, additionalKgCo2eq: 0, entryCount: count, validatedAt: null, updatedAt: null, enabled, uncertainty: 'none',
  submodules: submodules.map((s) => ({ enabled: true, thresholdKg: null, ...s })),
});

/** A `GET /api/v1/units/LAB-CARBON/years/2025` body (valid against the `Report` contract). */
export function reportFixture(open = true) {
  return {
    unit: 'LAB-CARBON',
    year: 2025,
    open,
    validatedModules: 2,
    modules: [
      reportModule('headcount', 'validated', 0, 12, [{ submodule: 'member' }, { submodule: 'student' }]),
      reportModule('professional-travel', 'in_progress', 10_400, 31, [{ submodule: 'plane' }, { submodule: 'train' }]),
      reportModule('buildings', 'validated', 850, 4, [{ submodule: 'rooms' }, { submodule: 'combustion' }, { submodule: 'embodied-energy' }]),
      reportModule('equipment', 'in_progress', 1234.5, 1, [{ submodule: 'scientific', thresholdKg: 1000 }, { submodule: 'it' }, { submodule: 'other', enabled: false }]),
      reportModule('purchases', 'not_started', 0, 0),
      reportModule('external-cloud-ai', 'in_progress', 12.5, 2, [{ submodule: 'cloud' }, { submodule: 'ai' }]),
      reportModule('process-emissions', 'not_started', 0, 0, [{ submodule: 'gases' }], false),
      reportModule('research-facilities', 'not_started', null, null, [{ submodule: 'facilities' }, { submodule: 'animal-facilities' }]),
    ],
  };
}

export const REPORT_URL = '/api/v1/units/LAB-CARBON/years/2025';
/** The URL of the first page of a submodule's entries, as the module page asks for it. */
export const entriesUrl = (submodule: string, search = 'page=1&pageSize=25&order=asc&sort=createdAt') => `${REPORT_URL}/modules/${submodule}/entries?${search}`;
export const taxonomyUrl = (submodule: string) => `/api/v1/years/2025/taxonomies/${encodeURIComponent(submodule)}`;
