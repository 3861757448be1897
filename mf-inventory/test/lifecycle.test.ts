import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createApiClient, createPortalContext, type PortalMountProps } from '@co2/shell-sdk';
import { fakeFetch } from '@co2/shell-sdk/testing';
import { bootstrap, mount, unmount } from '../src/lifecycle.js';
import { me, unitList } from './support.js';

describe('lifecycle (the exposed ./lifecycle module)', () => {
  it('when single-spa mounts it with the portal props, then the page renders fetched data in the given element, and unmount clears it', async () => {
    window.history.replaceState(null, '', '/inventory');
    const domElement = document.createElement('div');
    document.body.appendChild(domElement);
    const props: PortalMountProps & { name: string } = {
      name: 'mf_inventory',
      basePath: '/inventory',
      api: createApiClient({ fetch: fakeFetch({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/units': { body: unitList } }) }),
      context: createPortalContext({ locale: 'de', unit: 'LAB-CARBON', year: 2025 }),
      domElement,
    };
    await bootstrap(props);
    await mount(props);
    await flushPromises();
    expect(domElement.querySelector('[data-testid="inventory-page"]')).not.toBeNull();
    expect(domElement.querySelector('[data-testid="inventory-data"]')?.textContent).toContain('LAB-CARBON');
    expect(domElement.querySelector('h1')?.textContent).toBe('CO₂-Inventar');
    await unmount(props);
    expect(domElement.innerHTML).toBe('');
  });
});
