import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch, mountRemote } from '@co2/shell-sdk/testing';
import * as lifecycle from '../src/lifecycle.js';
import { catalogue } from './import-fixtures.js';
import { me, unitList } from './support.js';

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when single-spa mounts it with the portal props, then the page renders fetched data in the given element, and unmount clears it', async () => {
    const remote = await mountRemote<PortalMountProps & { name: string }>(
      lifecycle,
      {
        name: 'mf_backoffice',
        basePath: '/backoffice',
        api: createApiClient({ fetch: fakeFetch({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } }) }),
        context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025 }),
      },
      { path: '/backoffice', settle: flushPromises },
    );
    expect(remote.text('backoffice-page')).not.toBeNull();
    expect(remote.text('backoffice-data')).toContain('LAB-CARBON');
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Einheiten');
    await remote.unmount();
    expect(remote.domElement.innerHTML).toBe('');
  });

  it('when the page URL is /backoffice/imports, then the imports page opens with the section navigation', async () => {
    const routes = {
      'GET /api/v1/imports/catalogue': { body: catalogue },
      'GET /api/v1/jobs?page=1&pageSize=20': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    };
    const remote = await mountRemote<PortalMountProps & { name: string }>(
      lifecycle,
      { name: 'mf_backoffice', basePath: '/backoffice', api: createApiClient({ fetch: fakeFetch(routes) }), context: createPortalContext({ locale: 'fr', year: 2025 }) },
      { path: '/backoffice/imports', settle: flushPromises },
    );
    expect(remote.domElement.querySelector('h1')?.textContent).toBe('Imports de données');
    expect(remote.text('backoffice-nav')).toContain('Unités');
    expect(remote.text('import-upload')).toContain('Nouvel import');
    await remote.unmount();
  });
});
