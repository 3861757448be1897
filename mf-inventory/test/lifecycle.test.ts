import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { catalogue, principal } from './import-fixtures.js';
import { entriesUrl, me, REPORT_URL, reportFixture, unitList } from './support.js';

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when single-spa mounts it with the portal props, then the page renders fetched data in the given element, and unmount clears it', async () => {
    const remote = await mountRemote<PortalMountProps & { name: string }>(
      lifecycle,
      {
        name: 'mf_inventory',
        basePath: '/inventory',
        api: createApiClient({ fetch: fakeFetch({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } }) }),
        context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025 }),
      },
      { path: '/inventory', settle: flushPromises },
    );
    expect(remote.text('inventory-page')).not.toBeNull();
    expect(remote.text('inventory-data')).toContain('LAB-CARBON');
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('CO₂-Inventar');
    await remote.unmount();
    expect(remote.domElement.innerHTML).toBe('');
  });

  it('when the page URL names a module, then its page opens; an unknown module shows the area’s page-not-found', async () => {
    const props = (fetch: ReturnType<typeof fakeFetch>) => ({
      name: 'mf_inventory',
      basePath: '/inventory',
      api: createApiClient({ fetch }),
      context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025, user: principal() }),
    });
    const fetch = fakeFetch({
      'GET /api/v1/imports/catalogue': { body: catalogue },
      [`GET ${REPORT_URL}`]: { body: reportFixture() },
      [`GET ${entriesUrl('buildings/rooms')}`]: { body: { items: [], total: 0, page: 1, pageSize: 25, sumKgCo2eq: 0 } },
    });
    const remote = await mountRemote<PortalMountProps & { name: string }>(lifecycle, props(fetch), { path: '/inventory/modules/buildings', settle: flushPromises });
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Gebäude');
    expect(remote.text('import-action-buildings/rooms')).toContain('CSV importieren');
    await remote.unmount();

    const other = fakeFetch({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } });
    const fallback = await mountRemote<PortalMountProps & { name: string }>(lifecycle, props(other), { path: '/inventory/modules/nope', settle: flushPromises });
    expect(fallback.text('ui-not-found')).toContain('Seite nicht gefunden');
    expect(fallback.text('inventory-page')).toBeNull();
    await fallback.unmount();
  });
});
