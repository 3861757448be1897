// The portal page shows what the BFF's admin API says and sends the administrator's decisions to it.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { readonly } from 'vue';
import { createRouter } from 'vue-router';
import type { RemoteAdminList } from '@co2/contracts';
import { createApiClient, createPortalContext, createPortalHistory } from '@co2/shell-sdk';
import { useRemoteI18n } from '@co2/shell-sdk/i18n';
import { createMemoryNavigation, fakeFetch } from '@co2/shell-sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import BackofficePortalPage from '../src/features/portal/BackofficePortalPage.vue';
import { portalApi } from '../src/features/portal/portal-api.js';
import { messages } from '../src/i18n/messages.js';

const version = (v: string, extra: Partial<RemoteAdminList['remotes'][number]['versions'][number]> = {}) => ({
  version: v,
  entry: `/remotes/mf_travel/${v}/remoteEntry.js`,
  source: 'published' as const,
  checksum: 'sha256-0',
  sdkVersion: '0.1.0',
  contractsVersion: '0.1.0',
  publishedAt: '2026-12-07T10:00:00.000Z',
  publishedBy: 'token:travel CI',
  health: 'ok' as const,
  healthMessage: null,
  healthCheckedAt: null,
  ...extra,
});
const travel = (active: string): RemoteAdminList['remotes'][number] => ({
  name: 'mf_travel',
  activeVersion: active,
  previousVersion: active === '0.2.0' ? '0.1.0' : null,
  canaryVersion: null,
  canaryPercent: 0,
  updatedAt: '2026-12-07T10:00:00.000Z',
  updatedBy: 'Ada Admin (admin)',
  versions: [version('0.2.0', { health: 'failing', healthMessage: 'RUNTIME-008' }), version('0.1.0', { source: 'seed', publishedBy: 'seed' })],
  tokens: [{ id: 't1', label: 'travel CI', createdAt: '2026-12-07T09:00:00.000Z', createdBy: 'Ada Admin (admin)', lastUsedAt: null, revokedAt: null }],
  audit: [{ at: '2026-12-07T10:00:00.000Z', actor: 'token:travel CI', action: 'publish', version: '0.2.0' }],
});
const list = (active: string): RemoteAdminList => ({ store: 'disk', remotes: [{ ...travel(active), name: 'mf_inventory', versions: [], tokens: [], audit: [] }, travel(active)] });

afterEach(() => {
  document.body.innerHTML = '';
});

async function mountPortalPage(routes: Parameters<typeof fakeFetch>[0], locale: 'en' | 'fr' = 'en') {
  const fetch = fakeFetch(routes);
  const context = createPortalContext({ locale, year: 2025 });
  const router = createRouter({ history: createPortalHistory('/backoffice', createMemoryNavigation('/backoffice/portal?remote=mf_travel')), routes: [{ path: '/portal', component: BackofficePortalPage }] });
  await router.push('/portal?remote=mf_travel');
  const wrapper = mount(BackofficePortalPage, {
    attachTo: document.body,
    props: { context: readonly(context), admin: portalApi(createApiClient({ baseUrl: '/bff/admin', fetch })) },
    global: { plugins: [[Quasar, {}], createPinia(), useRemoteI18n(context, messages), router] },
  });
  await flushPromises();
  return { wrapper, fetch, context };
}

describe('BackofficePortalPage', () => {
  it('when the admin API lists the remotes, then the remote named in the address shows its versions, health, tokens and history', async () => {
    const { wrapper } = await mountPortalPage({ 'GET /bff/admin/remotes': { body: list('0.1.0') } });
    expect(wrapper.get('[data-testid="portal-summary"]').attributes('data-remote')).toBe('mf_travel');
    expect(wrapper.get('[data-testid="portal-active-version"]').text()).toBe('0.1.0');
    expect(wrapper.get('[data-testid="portal-version-0.2.0"]').text()).toContain('token:travel CI');
    expect(wrapper.get('[data-testid="portal-health-0.2.0"]').text()).toContain('fails');
    expect(wrapper.get('[data-testid="portal-version-0.2.0"]').text()).toContain('RUNTIME-008');
    expect(wrapper.find('[data-testid="portal-promote-0.1.0"]').exists()).toBe(false); // the active one
    expect(wrapper.get('[data-testid="portal-tokens"]').text()).toContain('travel CI');
    expect(wrapper.get('[data-testid="portal-audit"]').text()).toContain('token:travel CI published 0.2.0');
  });

  it('when the administrator confirms a promotion, then the API is called with the version and the page shows its answer', async () => {
    const { wrapper, fetch } = await mountPortalPage({
      'GET /bff/admin/remotes': { body: list('0.1.0') },
      'POST /bff/admin/remotes/mf_travel/promote': { body: list('0.2.0') },
    });
    await wrapper.get('[data-testid="portal-promote-0.2.0"]').trigger('click');
    await flushPromises();
    (document.querySelector('[data-testid="ui-confirm-ok"]') as HTMLElement).click();
    await flushPromises();
    const call = fetch.calls.find((c) => c.url.endsWith('/promote'))!;
    expect(JSON.parse(String(call.init.body))).toEqual({ version: '0.2.0' });
    expect((call.init.headers as Record<string, string>)['X-CSRF']).toBe('1');
    expect(wrapper.get('[data-testid="portal-active-version"]').text()).toBe('0.2.0');
    expect(wrapper.get('[data-testid="portal-rollback"]').text()).toContain('0.1.0');
  });

  it('when the role is not a global administrator, then the page says so instead of an error', async () => {
    const { wrapper } = await mountPortalPage({ 'GET /bff/admin/remotes': { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } }, 'fr');
    expect(wrapper.get('[data-testid="portal-forbidden"]').text()).toContain('administrateurs globaux');
  });
});
